package dev.gatehouse;

import static dev.gatehouse.testing.TestServer.request;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The extension {@link KrazoFilterScope} as the deployed server's CDI container applies it. */
public interface KrazoFilterScopeContract {

  @Test
  default void krazoFormMethodFilterWhenDeployedThenOneInstanceForTheApplication() {
    String scope =
        request("/test-only/runtime/scope/org.eclipse.krazo.forms.FormMethodOverwriteFilter")
            .get(String.class);

    assertEquals("ApplicationScoped", scope, "Krazo declares it RequestScoped");
  }
}
