package dev.gatehouse.authorization;

import static dev.gatehouse.testing.AsClient.introspect;
import static dev.gatehouse.testing.AsClient.refresh;
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
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/**
 * The operator withdraws a user's consent to one client ({@code DELETE
 * /admin/users/{sub}/consents/{client_id}}): that client's grants and tokens end and its consent
 * page shows again; the user's session and other clients stay.
 */
public interface ConsentWithdrawalContract {

  @Test
  default void withdrawWhenOperatorWithdrawsConsentThenThatClientsTokensEndAndItAsksAgain()
      throws Exception {
    TestAccount alice = TestAccounts.alice();
    JsonObject web = TestClients.register(TestClients.withRefresh());
    JsonObject other = TestClients.register(TestClients.withRefresh());
    try (SignIn.Session atWeb = SignIn.session(web, alice, "openid offline_access");
        SignIn.Session atOther = SignIn.session(other, alice, "openid offline_access")) {
      JsonObject webTokens = atWeb.tokens();
      JsonObject otherTokens = atOther.tokens();
      String path = "/admin/users/" + alice.subject() + "/consents/" + web.getString("client_id");

      Response answer = adminRequest(path).delete();

      assertEquals(200, answer.getStatus());
      JsonObject result = json(answer);
      assertEquals(1, result.getInt("consents_removed"));
      assertEquals(
          2,
          result.getInt("grants_revoked"),
          "the grant of the sign-in's code (never redeemed) and that of the tokens");
      assertEquals(
          "invalid_grant",
          json(refresh(web, webTokens.getString("refresh_token"), null)).getString("error"));
      assertFalse(json(introspect(web, webTokens.getString("access_token"))).getBoolean("active"));
      assertFalse(atWeb.straightBack(), "the consent page shows again");
      assertTrue(atOther.straightBack(), "the session and the other client's consent stay");
      assertEquals(
          200,
          refresh(other, otherTokens.getString("refresh_token"), null).getStatus(),
          "the other client's tokens stay");
      JsonObject again = json(adminRequest(path).delete());
      assertEquals(0, again.getInt("consents_removed"), "nothing left to withdraw");
      assertEquals(0, again.getInt("grants_revoked"));
    }
  }

  @Test
  default void withdrawWhenUnknownUserOrClientOrNoAdminTokenThenRefused() {
    TestAccount alice = TestAccounts.alice();
    String client = TestClients.register(TestClients.withRefresh()).getString("client_id");

    Response unknownUser = adminRequest("/admin/users/no-such-user/consents/" + client).delete();
    Response unknownClient =
        adminRequest("/admin/users/" + alice.subject() + "/consents/no-such-client").delete();
    Response anonymous =
        request("/admin/users/" + alice.subject() + "/consents/" + client).delete();
    Response byGet = adminRequest("/admin/users/" + alice.subject() + "/consents/" + client).get();

    assertEquals(404, unknownUser.getStatus());
    assertEquals(404, unknownClient.getStatus());
    assertEquals(401, anonymous.getStatus());
    assertEquals(405, byGet.getStatus());
  }
}
