package dev.gatehouse.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.config.AdminSettingsAccess;
import dev.gatehouse.protocol.OAuthException;
import dev.gatehouse.testing.LogCapture;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdminTokenFilterTest {

  /** The path as sent is the caller's text: a decoded %0A in it must not start a log line. */
  @Test
  void filterWhenWrongTokenThenLogsTheOperationNeverThePathAsSent() throws Exception {
    AdminTokenFilter filter = new AdminTokenFilter();
    filter.settings = AdminSettingsAccess.withToken("t".repeat(40));
    filter.resource =
        proxy(
            ResourceInfo.class,
            method ->
                switch (method) {
                  case "getResourceClass" -> AdminTokenFilterTest.class;
                  case "getResourceMethod" ->
                      AdminTokenFilterTest.class.getDeclaredMethod(
                          "filterWhenWrongTokenThenLogsTheOperationNeverThePathAsSent");
                  default -> null;
                });
    UriInfo uri = proxy(UriInfo.class, method -> "users/x\n[2026-12-02] SEVERE forged/logout");
    ContainerRequestContext request =
        proxy(
            ContainerRequestContext.class,
            method ->
                switch (method) {
                  case "getHeaderString" -> "Bearer wrong";
                  case "getUriInfo" -> uri;
                  default -> null;
                });
    List<String> logged;
    try (LogCapture log = LogCapture.of(AdminTokenFilter.class)) {
      assertThrows(OAuthException.class, () -> filter.filter(request));
      logged = log.messages();
    }

    assertEquals(1, logged.size());
    assertTrue(
        logged
            .get(0)
            .endsWith(
                "AdminTokenFilterTest.filterWhenWrongTokenThenLogsTheOperationNeverThePathAsSent"),
        logged.get(0));
    assertFalse(logged.get(0).contains("forged"), logged.get(0));
  }

  interface Answer {
    Object of(String method) throws Exception;
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, Answer answer) {
    return (T)
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) -> answer.of(method.getName()));
  }
}
