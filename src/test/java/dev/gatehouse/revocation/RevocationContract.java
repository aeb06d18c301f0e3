package dev.gatehouse.revocation;

import static dev.gatehouse.testing.AsClient.introspect;
import static dev.gatehouse.testing.AsClient.refresh;
import static dev.gatehouse.testing.AsClient.revoke;
import static dev.gatehouse.testing.AsClient.userInfo;
import static dev.gatehouse.testing.TestServer.json;
import static dev.gatehouse.testing.TestServer.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.testing.AsClient;
import dev.gatehouse.testing.SignIn;
import dev.gatehouse.testing.TestAccounts;
import dev.gatehouse.testing.TestClients;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** RFC 7009 token revocation over HTTP, for each token type and each bad request. */
public interface RevocationContract {

  @Test
  default void revokeWhenRefreshTokenThenWholeGrantRevokedAndItsAccessTokensRejected()
      throws Exception {
    JsonObject client = TestClients.register(TestClients.withRefresh());
    JsonObject first = tokens(client, "openid offline_access");
    assertEquals(200, userInfo(first.getString("access_token")).getStatus());
    JsonObject second = json(refresh(client, first.getString("refresh_token"), null));
    assertEquals(200, userInfo(second.getString("access_token")).getStatus());
    assertEquals(200, userInfo(first.getString("access_token")).getStatus(), "rotation ends none");

    Response revoked = revoke(client, second.getString("refresh_token"), "refresh_token");

    assertEquals(200, revoked.getStatus());
    assertEquals("", revoked.readEntity(String.class));
    assertEquals("no-store", revoked.getHeaderString("Cache-Control"));
    Response again = refresh(client, second.getString("refresh_token"), null);
    assertEquals("invalid_grant", json(again).getString("error"));
    for (String access :
        new String[] {first.getString("access_token"), second.getString("access_token")}) {
      assertFalse(json(introspect(client, access)).getBoolean("active"));
      assertEquals(401, userInfo(access).getStatus(), "RFC 7009 §2.1: the grant's access tokens");
      assertEquals(401, status(api(access)), "and the sample API refuses them too");
    }
  }

  /**
   * The client's own refresh token, already rotated, still names its grant: revoking it ends the
   * grant, the current refresh token and the newest access token with it.
   */
  @Test
  default void revokeWhenRotatedRefreshTokenThenTheCurrentTokensOfItsGrantRevoked()
      throws Exception {
    JsonObject client = TestClients.register(TestClients.withRefresh());
    JsonObject first = tokens(client, "openid offline_access");
    JsonObject current = json(refresh(client, first.getString("refresh_token"), null));
    assertTrue(json(introspect(client, current.getString("refresh_token"))).getBoolean("active"));

    assertEquals(200, revoke(client, first.getString("refresh_token"), null).getStatus());

    assertFalse(json(introspect(client, current.getString("refresh_token"))).getBoolean("active"));
    assertFalse(json(introspect(client, current.getString("access_token"))).getBoolean("active"));
    assertEquals(
        "invalid_grant",
        json(refresh(client, current.getString("refresh_token"), null)).getString("error"));
  }

  @Test
  default void revokeWhenAccessTokenThenOnlyThatTokenRejectedThoughItsSignatureIsValid()
      throws Exception {
    JsonObject client = TestClients.register(TestClients.withRefresh());
    JsonObject tokens = tokens(client, "openid offline_access");
    String access = tokens.getString("access_token");

    Response revoked = revoke(client, access, "access_token");

    assertEquals(200, revoked.getStatus());
    revoked.close();
    assertFalse(json(introspect(client, access)).getBoolean("active"));
    assertEquals(401, userInfo(access).getStatus());
    JsonObject renewed = json(refresh(client, tokens.getString("refresh_token"), null));
    assertTrue(
        json(introspect(client, renewed.getString("access_token"))).getBoolean("active"),
        "the grant and its refresh token stay live");
  }

  @Test
  default void revokeWhenHintWrongOrUnknownThenTokenStillRevoked() throws Exception {
    JsonObject client = TestClients.register(TestClients.withRefresh());
    JsonObject one = tokens(client, "openid offline_access");
    JsonObject two = tokens(client, "openid offline_access");

    assertEquals(200, status(revoke(client, one.getString("refresh_token"), "access_token")));
    assertEquals(200, status(revoke(client, two.getString("access_token"), "no_such_hint")));

    assertEquals(
        "invalid_grant",
        json(refresh(client, one.getString("refresh_token"), null)).getString("error"));
    assertFalse(json(introspect(client, two.getString("access_token"))).getBoolean("active"));
    assertTrue(json(introspect(client, two.getString("refresh_token"))).getBoolean("active"));
  }

  @Test
  default void revokeWhenTokenUnknownOrAlreadyRevokedThen200() throws Exception {
    JsonObject client = TestClients.register(TestClients.withRefresh());
    String refreshToken = tokens(client, "openid offline_access").getString("refresh_token");

    assertEquals(200, status(revoke(client, "no-such-token", null)));
    assertEquals(200, status(revoke(client, "eyJhbGciOiJub25lIn0.e30.", "access_token")));
    assertTrue(
        json(introspect(client, refreshToken)).getBoolean("active"),
        "an unknown token revoked nothing of the client's");
    assertEquals(200, status(revoke(client, refreshToken, null)));
    assertFalse(json(introspect(client, refreshToken)).getBoolean("active"));
    assertEquals(200, status(revoke(client, refreshToken, null)), "revoking twice is fine");
  }

  @Test
  default void revokeWhenAnotherClientsTokenThen400InvalidRequestAndTokenStaysActive()
      throws Exception {
    JsonObject owner = TestClients.register(TestClients.withRefresh());
    JsonObject other = TestClients.register(TestClients.withRefresh());
    JsonObject tokens = tokens(owner, "openid offline_access");

    Response refreshAttempt = revoke(other, tokens.getString("refresh_token"), null);
    Response accessAttempt = revoke(other, tokens.getString("access_token"), null);

    assertEquals(400, refreshAttempt.getStatus());
    assertEquals("invalid_request", json(refreshAttempt).getString("error"));
    assertEquals("invalid_request", json(accessAttempt).getString("error"));
    assertTrue(json(introspect(owner, tokens.getString("access_token"))).getBoolean("active"));
    assertTrue(json(introspect(owner, tokens.getString("refresh_token"))).getBoolean("active"));
  }

  /**
   * The refusal tells nothing of the token's state: another client's access token is refused alike
   * before and after its holder revoked it (RFC 7662 §4 keeps that state to the holder); the
   * holder's own revoked token is a 200 with nothing to do.
   */
  @Test
  default void revokeWhenAnotherClientsAccessTokenActiveOrRevokedThenRefusedAlike()
      throws Exception {
    JsonObject owner = TestClients.register(TestClients.withRefresh());
    JsonObject other = TestClients.register(TestClients.publicWithRefresh());
    String access = tokens(owner, "openid").getString("access_token");

    Response whileActive = revoke(other, access, null);
    assertEquals(200, status(revoke(owner, access, "access_token")));
    assertFalse(json(introspect(owner, access)).getBoolean("active"));
    Response onceRevoked = revoke(other, access, "access_token");

    assertEquals(400, whileActive.getStatus());
    assertEquals("invalid_request", json(whileActive).getString("error"));
    assertEquals(400, onceRevoked.getStatus());
    assertEquals("invalid_request", json(onceRevoked).getString("error"));
    assertEquals(200, status(revoke(owner, access, null)), "its holder may revoke it twice");
  }

  /**
   * A resource server may introspect every client's access tokens of its audience, but revokes only
   * its own: another client's token is refused and stays active. An oversized token is unknown:
   * 200.
   */
  @Test
  default void revokeWhenResourceServerPresentsAnotherClientsTokenOrTokenOversizedThenAnswers()
      throws Exception {
    JsonObject owner = TestClients.register(TestClients.withRefresh());
    JsonObject resourceServer = TestClients.resourceServer();
    String access = tokens(owner, "openid").getString("access_token");
    assertTrue(json(introspect(resourceServer, access)).getBoolean("active"), "it may look");

    Response attempt = revoke(resourceServer, access, "access_token");
    Response oversized = revoke(owner, "x".repeat(20_000), null);

    assertEquals(400, attempt.getStatus());
    assertEquals("invalid_request", json(attempt).getString("error"));
    assertTrue(json(introspect(owner, access)).getBoolean("active"));
    assertEquals(200, status(oversized));
  }

  @Test
  default void revokeWhenPublicClientThenItsOwnRefreshTokenRevoked() throws Exception {
    JsonObject spa = TestClients.register(TestClients.publicWithRefresh());
    JsonObject tokens = tokens(spa, "openid offline_access");

    assertEquals(200, status(revoke(spa, tokens.getString("refresh_token"), null)));

    Response use = refresh(spa, tokens.getString("refresh_token"), null);
    assertEquals("invalid_grant", json(use).getString("error"));
    assertEquals(401, userInfo(tokens.getString("access_token")).getStatus());
  }

  @Test
  default void revokeWhenClientCredentialsTokenThenInactiveAndRefusedByTheSampleApi() {
    JsonObject service = TestClients.machine("read");
    String access = AsClient.clientCredentialsToken(service);
    assertEquals(200, status(api(access)));

    assertEquals(200, status(revoke(service, access, null)));

    assertFalse(json(introspect(service, access)).getBoolean("active"));
    Response api = api(access);
    assertEquals(401, api.getStatus(), "the API in the same WAR sees the revocation at once");
    assertTrue(api.getHeaderString("WWW-Authenticate").contains("error=\"invalid_token\""));
  }

  /**
   * A client deleted while one of its tokens was being issued: the deletion revoked the grants it
   * saw, not the one committed beside it. The token still dies with its client, at introspection
   * (by a resource server), UserInfo and the sample API.
   */
  @Test
  default void clientDeletedWhenItsGrantEscapedTheRevocationThenItsTokensInactiveAnyway() {
    JsonObject service = TestClients.machine("read");
    String access = AsClient.clientCredentialsToken(service);
    JsonObject resourceServer = TestClients.resourceServer();
    assertTrue(json(introspect(resourceServer, access)).getBoolean("active"));
    assertEquals(200, status(api(access)));

    try (Response deleted =
        request("/test-only/db/client/" + service.getString("client_id")).delete()) {
      assertEquals(204, deleted.getStatus());
    }

    assertFalse(json(introspect(resourceServer, access)).getBoolean("active"));
    assertEquals(401, status(api(access)));
    assertEquals(401, status(userInfo(access)));
  }

  /**
   * The operator creates a client again under a client_id whose earlier client left an escaped
   * grant behind: the new client starts without it, and its own tokens work.
   */
  @Test
  default void clientCreatedAgainUnderTheIdOfOneWithAnEscapedGrantThenOldTokensStayInactive() {
    String clientId = "recreated-" + System.nanoTime();
    JsonObject first = TestClients.configure(readingService(clientId));
    String escaped = AsClient.clientCredentialsToken(first);
    try (Response deleted =
        request("/test-only/db/client/" + first.getString("client_id")).delete()) {
      assertEquals(204, deleted.getStatus());
    }

    JsonObject again = TestClients.configure(readingService(clientId));

    assertEquals(clientId, again.getString("client_id"));
    JsonObject resourceServer = TestClients.resourceServer();
    assertFalse(json(introspect(resourceServer, escaped)).getBoolean("active"));
    assertEquals(401, status(api(escaped)));
    String fresh = AsClient.clientCredentialsToken(again);
    assertTrue(json(introspect(resourceServer, fresh)).getBoolean("active"));
    assertEquals(200, status(api(fresh)));
  }

  /** The operator's request for such a client under the given client_id. */
  private static JsonObjectBuilder readingService(String clientId) {
    return TestClients.service("client_secret_basic")
        .add("scope", "read")
        .add("client_id", clientId);
  }

  private static Response api(String accessToken) {
    return request("/api/secure-data").header("Authorization", "Bearer " + accessToken).get();
  }

  @Test
  default void revokeWhenUnauthenticatedOrTokenMissingOrWrongMethodThenErrors() {
    JsonObject client = TestClients.register(TestClients.confidential());

    Response anonymous = request("/revoke").post(Entity.form(new Form("token", "x")));
    Response wrongSecret =
        request("/revoke")
            .header("Authorization", AsClient.basic(client.getString("client_id"), "wrong"))
            .post(Entity.form(new Form("token", "x")));
    Response missing =
        AsClient.post(client, "/revoke", new Form("token_type_hint", "access_token"));
    Response repeated =
        AsClient.post(client, "/revoke", new Form("token", "a").param("token", "b"));
    Response get = request("/revoke").get();

    assertEquals(401, anonymous.getStatus());
    assertEquals("invalid_client", json(anonymous).getString("error"));
    assertEquals(401, wrongSecret.getStatus());
    assertEquals("invalid_client", json(wrongSecret).getString("error"));
    assertEquals(400, missing.getStatus());
    assertEquals("invalid_request", json(missing).getString("error"));
    assertEquals("invalid_request", json(repeated).getString("error"));
    assertEquals(405, status(get));
  }

  private static JsonObject tokens(JsonObject client, String scope) throws Exception {
    try (SignIn.Session session = SignIn.session(client, TestAccounts.alice(), scope)) {
      return session.tokens();
    }
  }

  private static int status(Response response) {
    response.close();
    return response.getStatus();
  }
}
