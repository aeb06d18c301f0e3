package dev.gatehouse.session;

import static dev.gatehouse.testing.AsClient.introspect;
import static dev.gatehouse.testing.AsClient.refresh;
import static dev.gatehouse.testing.AsClient.userInfo;
import static dev.gatehouse.testing.TestServer.adminRequest;
import static dev.gatehouse.testing.TestServer.json;
import static dev.gatehouse.testing.TestServer.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.testing.SignIn;
import dev.gatehouse.testing.TestAccounts;
import dev.gatehouse.testing.TestAccounts.TestAccount;
import dev.gatehouse.testing.TestClients;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/**
 * The operator signs a user out everywhere ({@code POST /admin/users/{sub}/logout}): every session
 * of theirs ends and every grant they gave is revoked, offline ones included; other users keep
 * theirs.
 */
public interface SignOutEverywhereContract {

  @Test
  default void signOutWhenOperatorSignsUserOutThenAllTheirSessionsAndTokensEndOthersStay()
      throws Exception {
    TestAccount alice = TestAccounts.alice();
    TestAccount bob = TestAccounts.alice();
    JsonObject web = TestClients.register(TestClients.withRefresh());
    JsonObject other = TestClients.register(TestClients.withRefresh());
    try (SignIn.Session atWeb = SignIn.session(web, alice, "openid offline_access");
        SignIn.Session atOther = SignIn.session(other, alice, "openid offline_access");
        SignIn.Session bobs = SignIn.session(web, bob, "openid offline_access")) {
      JsonObject first = atWeb.tokens();
      JsonObject second = atOther.tokens();
      JsonObject bobsTokens = bobs.tokens();

      Response answer = adminRequest("/admin/users/" + alice.subject() + "/logout").post(null);

      assertEquals(200, answer.getStatus());
      JsonObject result = json(answer);
      assertEquals(alice.subject(), result.getString("sub"));
      assertEquals(2, result.getInt("sessions_ended"), "two browsers");
      assertEquals(
          4,
          result.getInt("grants_revoked"),
          "per client: the grant of the sign-in's code (never redeemed) and that of the tokens");
      for (JsonObject tokens : new JsonObject[] {first, second}) {
        JsonObject client = tokens == first ? web : other;
        assertEquals(
            "invalid_grant",
            json(refresh(client, tokens.getString("refresh_token"), null)).getString("error"),
            "the offline refresh token is revoked");
        assertFalse(
            json(introspect(client, tokens.getString("access_token"))).getBoolean("active"));
        assertEquals(401, userInfo(tokens.getString("access_token")).getStatus());
      }
      assertFalse(atWeb.straightBack(), "the SSO session ended: the login page again");
      assertFalse(atOther.straightBack());
      assertTrue(bobs.straightBack(), "another user's session stays");
      assertEquals(
          200,
          refresh(web, bobsTokens.getString("refresh_token"), null).getStatus(),
          "another user's tokens stay");
      JsonObject again =
          json(adminRequest("/admin/users/" + alice.subject() + "/logout").post(null));
      assertEquals(0, again.getInt("sessions_ended"), "nothing left: the sign-out is idempotent");
      assertEquals(0, again.getInt("grants_revoked"));
    }
  }

  /**
   * A code is redeemed only while the sign-in session it was issued in is active: a logout between
   * the two (or the operator's sign-out, racing an authorization whose grant it could not yet see)
   * leaves the code worthless.
   */
  @Test
  default void codeWhenItsSignInSessionEndedBeforeRedemptionThenInvalidGrant() throws Exception {
    TestAccount alice = TestAccounts.alice();
    JsonObject web = TestClients.register(TestClients.withRefresh());
    try (SignIn.Session session = SignIn.session(web, alice, "openid offline_access")) {
      JsonObject tokens = session.tokens();
      SignIn.Session.Code pending = session.code();

      session.logOut(tokens.getString("id_token"));
      Response late = session.redeem(pending);

      assertEquals(400, late.getStatus());
      JsonObject error = json(late);
      assertEquals("invalid_grant", error.getString("error"));
      assertEquals("The sign-in session has ended", error.getString("error_description"));
      assertFalse(session.straightBack(), "the session ended: the login page again");
      assertEquals(
          200,
          refresh(web, tokens.getString("refresh_token"), null).getStatus(),
          "an offline token redeemed before the logout lives on (as in Keycloak)");
    }
  }

  @Test
  default void signOutWhenUnknownUserOrNoAdminTokenOrWrongMethodThenRefused() {
    TestAccount alice = TestAccounts.alice();
    String path = "/admin/users/" + alice.subject() + "/logout";

    Response unknown = adminRequest("/admin/users/no-such-user/logout").post(null);
    Response anonymous = request(path).post(null);
    Response wrongToken =
        request(path).header("Authorization", "Bearer not-the-admin-token").post(null);
    Response byGet = adminRequest(path).get();
    Response withBody = adminRequest(path).post(Entity.json("{\"ignored\":true}"));

    assertEquals(404, unknown.getStatus());
    assertEquals(401, anonymous.getStatus());
    assertEquals(401, wrongToken.getStatus());
    assertEquals(405, byGet.getStatus());
    assertEquals(200, withBody.getStatus(), "a body is not read");
    assertEquals(0, json(withBody).getInt("grants_revoked"));
  }
}
