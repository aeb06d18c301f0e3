package dev.gatehouse.protocol;

import static dev.gatehouse.testing.TestServer.adminRequest;
import static dev.gatehouse.testing.TestServer.base;
import static dev.gatehouse.testing.TestServer.json;
import static dev.gatehouse.testing.TestServer.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.testing.AsClient;
import dev.gatehouse.testing.Browser;
import dev.gatehouse.testing.TestAccounts;
import dev.gatehouse.testing.TestAccounts.TestAccount;
import dev.gatehouse.testing.TestClients;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A NUL character (U+0000, sent as {@code %00} or {@code \u0000}) in any parameter is bad input
 * like any other, never a server error: PostgreSQL cannot hold it in a text value and refuses the
 * statement, which H2 does not, so each case runs on both databases. No OAuth parameter may contain
 * it (RFC 6749 Appendix A).
 */
public interface NulCharacterContract {

  String NUL = "\u0000";

  @Test
  default void clientIdWithNulAtTokenIntrospectionAndRevocationThenUnknownClient() {
    for (String path : new String[] {"/token", "/introspect", "/revoke"}) {
      Form form =
          new Form("grant_type", "client_credentials")
              .param("token", "x")
              .param("client_id", "a" + NUL + "b")
              .param("client_secret", "x");
      assertInvalidClient(path + " form", request(path).post(Entity.form(form)));

      Response basic =
          request(path)
              .header("Authorization", AsClient.basic(NUL, "x"))
              .post(Entity.form(new Form("grant_type", "client_credentials").param("token", "x")));
      assertInvalidClient(path + " Basic", basic);
    }
  }

  @Test
  default void tokenValuesWithNulThenInactiveAcceptedOrInvalidGrant() {
    JsonObject client = TestClients.register(TestClients.withRefresh());

    JsonObject introspected = json(AsClient.introspect(client, "family" + NUL + ".secret"));
    assertEquals(Json.createObjectBuilder().add("active", false).build(), introspected);
    assertEquals(200, AsClient.revoke(client, NUL, null).getStatus());
    assertEquals(200, AsClient.revoke(client, "a".repeat(22) + "." + NUL, null).getStatus());
    assertError("refresh", 400, "invalid_grant", AsClient.refresh(client, NUL + ".secret", null));
    assertError(
        "code",
        400,
        "invalid_grant",
        AsClient.token(
            client,
            new Form("grant_type", "authorization_code")
                .param("code", NUL)
                .param("redirect_uri", "https://app.example/callback")));
  }

  @Test
  default void clientCredentialsWithNulInScopeOrResourceThenInvalidScopeOrTarget() {
    JsonObject machine = TestClients.machine("read");

    assertError(
        "scope",
        400,
        "invalid_scope",
        AsClient.token(
            machine, new Form("grant_type", "client_credentials").param("scope", "read" + NUL)));
    assertError(
        "resource",
        400,
        "invalid_target",
        AsClient.clientCredentials(machine, "https://api.example/" + NUL));
  }

  @Test
  default void registrationWithNulInMetadataThenInvalidClientMetadata() {
    JsonObject withName =
        TestClients.confidential().add("client_name", "Evil" + NUL + "App").build();
    assertError("client_name", 400, "invalid_client_metadata", TestClients.post(withName));

    JsonObject withRedirect =
        Json.createObjectBuilder()
            .add(
                "redirect_uris",
                Json.createArrayBuilder().add("https://app.example/cb" + NUL + "x"))
            .build();
    assertError("redirect_uris", 400, "invalid_redirect_uri", TestClients.post(withRedirect));
  }

  @Test
  default void authorizationRequestWithNulInAStoredParameterThenErrorRedirectWithState()
      throws Exception {
    JsonObject client = TestClients.register(TestClients.confidential());
    for (String parameter : new String[] {"nonce", "login_hint", "code_challenge"}) {
      String uri =
          authorize(client)
              + "&state=s1&"
              + parameter
              + "="
              + URLEncoder.encode("v" + NUL, StandardCharsets.UTF_8);
      try (Browser browser = new Browser()) {
        Browser.Step step = browser.open(uri);

        assertTrue(step.exit() != null, parameter + ": " + step.status());
        String query = step.exit().getRawQuery();
        assertTrue(query.contains("error=invalid_request"), parameter + ": " + query);
        assertTrue(query.contains("state=s1"), parameter + ": " + query);
      }
    }
  }

  @Test
  default void authorizationRequestWithNulInClientIdThenErrorPageNotRedirect() throws Exception {
    try (Browser browser = new Browser()) {
      Browser.Step step =
          browser.open(
              base()
                  + "/authorize?response_type=code&scope=openid&client_id=a%00b"
                  + "&redirect_uri=https%3A%2F%2Fapp.example%2Fcallback");

      assertEquals(null, step.exit(), "never redirected");
      assertEquals(400, step.status());
    }
  }

  @Test
  default void loginAndConsentWithNulThenLoginFailsOrRequestUnknown() throws Exception {
    TestAccount alice = TestAccounts.alice();
    JsonObject client = TestClients.register(TestClients.confidential());
    try (Browser browser = new Browser()) {
      browser.open(authorize(client) + "&state=s2");

      Browser.Step failed = browser.login(alice.username() + NUL, alice.password());

      assertEquals(200, failed.status(), "the login page again");
      assertTrue(browser.page().asNormalizedText().contains("Sign-in failed"), "login failed");
    }
    for (String path : new String[] {"/login?request=a%00b", "/consent?request=a%00b"}) {
      Response page = request(path).get();
      assertTrue(page.getStatus() < 500, path + ": " + page.getStatus());
      page.close();
    }
    Response resume = request("/authorize/continue?request=a%00b").get();
    assertTrue(resume.getStatus() < 500, "resume: " + resume.getStatus());
    resume.close();
  }

  @Test
  default void endSessionWithNulThenNoServerError() {
    Response response =
        request("/end_session?client_id=a%00b&state=s%00&post_logout_redirect_uri=x%00").get();

    assertTrue(response.getStatus() < 500, "end_session: " + response.getStatus());
    response.close();
  }

  /**
   * A NUL in a path never reaches the application: the HTTP layer of the server refuses the request
   * line itself (400, empty body, connection closed), so no path parameter can hold one.
   */
  @Test
  default void pathsWithNulThenRefusedByTheServerBeforeTheApplication() {
    Response[] responses = {
      adminRequest("/admin/users/a%00b/logout").post(Entity.json("{}")),
      adminRequest("/admin/users/a%00b/consents/c%00d").delete(),
      adminRequest("/admin/clients/a%00b").put(Entity.json(TestClients.confidential().build())),
      request("/register/a%00b").header("Authorization", "Bearer " + "x".repeat(43)).get()
    };
    for (Response response : responses) {
      assertEquals(400, response.getStatus());
      assertEquals("", response.readEntity(String.class));
    }
  }

  private static String authorize(JsonObject client) {
    return base()
        + "/authorize?response_type=code&scope=openid&client_id="
        + URLEncoder.encode(client.getString("client_id"), StandardCharsets.UTF_8)
        + "&redirect_uri="
        + URLEncoder.encode("https://app.example/callback", StandardCharsets.UTF_8);
  }

  private static void assertInvalidClient(String what, Response response) {
    assertError(what, 401, "invalid_client", response);
  }

  private static void assertError(String what, int status, String error, Response response) {
    String body = response.readEntity(String.class);
    assertEquals(status, response.getStatus(), what + ": " + body);
    assertTrue(body.contains("\"error\":\"" + error + "\""), what + ": " + body);
  }
}
