package dev.gatehouse.introspection;

import static dev.gatehouse.testing.AsClient.introspect;
import static dev.gatehouse.testing.PastRows.Part.ALL;
import static dev.gatehouse.testing.TestServer.issuer;
import static dev.gatehouse.testing.TestServer.json;
import static dev.gatehouse.testing.TestServer.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import dev.gatehouse.testing.AdjustedSettings;
import dev.gatehouse.testing.AsClient;
import dev.gatehouse.testing.PastRows;
import dev.gatehouse.testing.SignIn;
import dev.gatehouse.testing.TestAccounts;
import dev.gatehouse.testing.TestAccounts.TestAccount;
import dev.gatehouse.testing.TestClients;
import dev.gatehouse.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 7662 token introspection over HTTP, for every state a token can be in. */
public interface IntrospectionContract {

  JsonObject INACTIVE = Json.createObjectBuilder().add("active", false).build();

  @Test
  default void introspectWhenActiveAccessTokenThenActiveWithRfc7662Members() throws Exception {
    JsonObject client = TestClients.register(TestClients.withRefresh());
    TestAccount alice = TestAccounts.alice();
    JsonObject tokens = tokens(client, alice, "openid email offline_access");
    String access = tokens.getString("access_token");

    Response response = introspect(client, access);

    assertEquals(200, response.getStatus());
    assertEquals("no-store", response.getHeaderString("Cache-Control"));
    assertTrue(response.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE));
    JsonObject body = json(response);
    var claims = SignedJWT.parse(access).getJWTClaimsSet();
    assertTrue(body.getBoolean("active"));
    assertEquals("openid email offline_access", body.getString("scope"));
    assertEquals(client.getString("client_id"), body.getString("client_id"));
    assertEquals(alice.subject(), body.getString("sub"));
    assertEquals("gatehouse-api", body.getString("aud"));
    assertEquals(issuer(), body.getString("iss"));
    assertEquals(
        claims.getExpirationTime().getTime() / 1000, body.getJsonNumber("exp").longValue());
    assertEquals(claims.getIssueTime().getTime() / 1000, body.getJsonNumber("iat").longValue());
    assertEquals(claims.getJWTID(), body.getString("jti"));
    assertEquals("Bearer", body.getString("token_type"));
    assertFalse(body.containsKey("nbf"), "nbf only when the token has one");
  }

  @Test
  default void introspectWhenActiveRefreshTokenThenActiveForItsHolderOnly() throws Exception {
    JsonObject holder = TestClients.register(TestClients.withRefresh());
    JsonObject other = TestClients.register(TestClients.withRefresh());
    TestAccount alice = TestAccounts.alice();
    long before = Instant.now().getEpochSecond();
    String refresh = tokens(holder, alice, "openid offline_access").getString("refresh_token");
    long after = Instant.now().getEpochSecond();

    JsonObject mine = json(introspect(holder, refresh));
    JsonObject theirs = json(introspect(other, refresh, "refresh_token"));

    assertTrue(mine.getBoolean("active"));
    assertEquals("openid offline_access", mine.getString("scope"));
    assertEquals(holder.getString("client_id"), mine.getString("client_id"));
    assertEquals(alice.subject(), mine.getString("sub"));
    assertEquals(issuer(), mine.getString("iss"));
    long thirtyDays = java.time.Duration.ofDays(30).toSeconds();
    long exp = mine.getJsonNumber("exp").longValue();
    assertTrue(
        exp >= before + thirtyDays && exp <= after + thirtyDays,
        "oidc.token.refresh-token-ttl (30 days) from its issue: " + exp);
    long iat = mine.getJsonNumber("iat").longValue();
    assertTrue(iat >= before && iat <= after, "issued just now: " + iat);
    assertEquals("Bearer", mine.getString("token_type"), "every active response carries one");
    assertEquals(INACTIVE, theirs, "RFC 7662 §2.2: not the caller's to see");
  }

  @Test
  default void introspectWhenTokenRotatedRevokedReusedOrUnknownThenActiveFalseAndNothingElse()
      throws Exception {
    JsonObject client = TestClients.register(TestClients.withRefresh());
    JsonObject first = tokens(client, TestAccounts.alice(), "openid offline_access");
    JsonObject second = json(AsClient.refresh(client, first.getString("refresh_token"), null));

    assertEquals(INACTIVE, json(introspect(client, first.getString("refresh_token"))), "rotated");
    assertTrue(json(introspect(client, second.getString("refresh_token"))).getBoolean("active"));
    assertTrue(json(introspect(client, second.getString("access_token"))).getBoolean("active"));

    // Reuse of the rotated token revokes the grant: every token of it is inactive from now on.
    AsClient.refresh(client, first.getString("refresh_token"), null).close();
    assertEquals(INACTIVE, json(introspect(client, second.getString("refresh_token"))));
    assertEquals(INACTIVE, json(introspect(client, second.getString("access_token"))));
    assertEquals(INACTIVE, json(introspect(client, first.getString("access_token"))));

    assertEquals(INACTIVE, json(introspect(client, "no-such-token")), "unknown");
    assertEquals(INACTIVE, json(introspect(client, "eyJhbGciOiJub25lIn0.e30.")), "alg none");
    for (String garbage : new String[] {"a.b.c", "%%", ".", "..", "family.", "Bearer x"}) {
      assertEquals(INACTIVE, json(introspect(client, garbage)), "malformed: " + garbage);
    }
    assertEquals(INACTIVE, json(introspect(client, "x".repeat(20_000))), "oversized");
    assertEquals(INACTIVE, json(introspect(client, first.getString("id_token"))), "an ID token");
  }

  @Test
  default void introspectWhenAccessTokenExpiredOrForgedThenActiveFalseAndUserInfoRefuses()
      throws Exception {
    JsonObject client = TestClients.register(TestClients.withRefresh());
    String access = tokens(client, TestAccounts.alice(), "openid").getString("access_token");
    Map<String, Object> claims = SignedJWT.parse(access).getJWTClaimsSet().toJSONObject();
    long now = Instant.now().getEpochSecond();

    // The same token (same jti, grant still live) re-signed with the real key, but expired: 10 s
    // ago, within the clock skew that resource servers allow, which introspection must not.
    String expired = mint(claims, Map.of("iat", now - 300, "exp", now - 10));
    String otherIssuer = mint(claims, Map.of("iss", "https://evil.example"));
    String[] parts = access.split("\\.");
    String tampered =
        parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "x." + parts[2];
    // The very same claims (recorded jti, live grant), unsigned: alg none.
    String unsigned =
        Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    "{\"alg\":\"none\",\"typ\":\"at+jwt\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[1]
            + ".";

    String control = mint(claims, Map.of());

    assertTrue(json(introspect(client, access)).getBoolean("active"));
    assertTrue(
        json(introspect(client, control)).getBoolean("active"),
        "the control, re-signed unchanged, is active: only the changes below make the difference");
    assertEquals(INACTIVE, json(introspect(client, expired)), "expired");
    JsonObject other = TestClients.register(TestClients.withRefresh());
    assertEquals(
        400,
        status(AsClient.revoke(other, expired, null)),
        "revocation still refuses it to another client, as while it was active");
    assertEquals(200, status(AsClient.revoke(client, expired, null)), "its holder: nothing to do");
    assertEquals(INACTIVE, json(introspect(client, otherIssuer)), "another issuer");
    assertEquals(INACTIVE, json(introspect(client, tampered)), "bad signature");
    assertEquals(INACTIVE, json(introspect(client, unsigned)), "alg none");
    assertEquals(401, AsClient.userInfo(unsigned).getStatus(), "alg none at UserInfo");
    Response userInfo = AsClient.userInfo(expired);
    assertEquals(401, userInfo.getStatus(), "UserInfo agrees: expired, no skew for its own tokens");
    assertTrue(userInfo.getHeaderString("WWW-Authenticate").contains("invalid_token"));
  }

  @Test
  default void introspectWhenRefreshTokenExpiredThenActiveFalse() throws Exception {
    JsonObject client = TestClients.register(TestClients.withRefresh());
    JsonObject tokens = tokens(client, TestAccounts.alice(), "openid offline_access");
    String refresh = tokens.getString("refresh_token");
    assertTrue(json(introspect(client, refresh)).getBoolean("active"));

    // Past its 30-day idle lifetime by an hour (and so still within the purge's retention).
    String grantId =
        PastRows.ageGrant(tokens.getString("access_token"), Duration.ofDays(30).plusHours(1), ALL);

    assertEquals(INACTIVE, json(introspect(client, refresh)));
    Response use = AsClient.refresh(client, refresh, null);
    JsonObject refused = json(use);
    assertEquals("invalid_grant", refused.getString("error"));
    assertEquals(
        "The refresh token has expired",
        refused.getString("error_description"),
        "refused as expired, not as unknown");
    assertEquals(1, PastRows.grantRows(grantId).getInt("refresh_tokens"), "its row is still there");
  }

  /**
   * RFC 7662 §2.2: active means usable now. A refresh token the refresh grant would refuse, because
   * the absolute lifetime was shortened below the sign-in's age or the client's registration no
   * longer lists refresh_token, is inactive; and active again once the lifetime is restored.
   */
  @Test
  default void introspectWhenRefreshGrantWouldRefuseTheRefreshTokenThenActiveFalse()
      throws Throwable {
    JsonObject client = TestClients.register(TestClients.withRefresh());
    String refresh =
        tokens(client, TestAccounts.alice(), "openid offline_access").getString("refresh_token");
    JsonObject other = TestClients.register(TestClients.withRefresh());
    String otherRefresh =
        tokens(other, TestAccounts.alice(), "openid offline_access").getString("refresh_token");

    AdjustedSettings.with(
        AdjustedSettings.MAX_LIFETIME,
        Duration.ZERO,
        () -> assertEquals(INACTIVE, json(introspect(client, refresh)), "lifetime ended"));
    JsonObject restored = json(introspect(client, refresh));
    Response updated =
        request("/register/" + other.getString("client_id"))
            .header("Authorization", "Bearer " + other.getString("registration_access_token"))
            .put(
                Entity.json(
                    TestClients.confidential()
                        .add("client_id", other.getString("client_id"))
                        .build()
                        .toString()));

    assertTrue(restored.getBoolean("active"), "the control: the same token, lifetime restored");
    assertEquals(200, updated.getStatus(), () -> updated.readEntity(String.class));
    assertEquals(INACTIVE, json(introspect(other, otherRefresh)), "grant type removed");
    assertEquals(
        "unauthorized_client",
        json(AsClient.refresh(other, otherRefresh, null)).getString("error"));
  }

  @Test
  default void introspectWhenAnotherClientsTokenThenActiveOnlyForResourceServerOfItsAudience()
      throws Exception {
    JsonObject owner = TestClients.register(TestClients.withRefresh());
    JsonObject stranger = TestClients.register(TestClients.withRefresh());
    JsonObject resourceServer = TestClients.resourceServer();
    JsonObject tokens = tokens(owner, TestAccounts.alice(), "openid offline_access");
    String access = tokens.getString("access_token");
    JsonObject service = TestClients.machine("read");
    String forOrders =
        json(AsClient.token(
                service,
                new Form("grant_type", "client_credentials")
                    .param("resource", "https://api.example/orders")))
            .getString("access_token");

    assertEquals(INACTIVE, json(introspect(stranger, access)));
    JsonObject seen = json(introspect(resourceServer, access));
    assertTrue(seen.getBoolean("active"), "aud gatehouse-api is served by the resource server");
    assertEquals(owner.getString("client_id"), seen.getString("client_id"));
    assertTrue(json(introspect(service, forOrders)).getBoolean("active"));
    assertEquals(
        INACTIVE,
        json(introspect(resourceServer, forOrders)),
        "RFC 7662 §4: a token for another audience cannot be used at this resource server");
    assertEquals(
        INACTIVE,
        json(introspect(resourceServer, tokens.getString("refresh_token"))),
        "a resource server does not see refresh tokens (their holder alone does, see above)");
  }

  /**
   * A resource server asking about another client's access token sees each way it stops being
   * active, as its holder does: revoked at /revoke, its grant revoked by a refresh-token reuse, and
   * expired.
   */
  @Test
  default void introspectWhenResourceServerAndTokenNoLongerActiveThenInactiveForItToo()
      throws Exception {
    JsonObject owner = TestClients.register(TestClients.withRefresh());
    JsonObject resourceServer = TestClients.resourceServer();
    String revoked =
        tokens(owner, TestAccounts.alice(), "openid offline_access").getString("access_token");
    JsonObject first = tokens(owner, TestAccounts.alice(), "openid offline_access");
    JsonObject second = json(AsClient.refresh(owner, first.getString("refresh_token"), null));
    String ofReusedGrant = second.getString("access_token");
    String live = tokens(owner, TestAccounts.alice(), "openid").getString("access_token");
    Map<String, Object> claims = SignedJWT.parse(live).getJWTClaimsSet().toJSONObject();
    long now = Instant.now().getEpochSecond();
    String expired = mint(claims, Map.of("iat", now - 300, "exp", now - 10));
    String control = mint(claims, Map.of());
    for (String token : new String[] {revoked, ofReusedGrant, control}) {
      assertTrue(json(introspect(resourceServer, token)).getBoolean("active"), "before: " + token);
    }

    assertEquals(200, status(AsClient.revoke(owner, revoked, "access_token")));
    assertEquals(
        "invalid_grant",
        json(AsClient.refresh(owner, first.getString("refresh_token"), null)).getString("error"),
        "the reuse");

    assertEquals(INACTIVE, json(introspect(resourceServer, revoked)), "revoked at /revoke");
    assertEquals(INACTIVE, json(introspect(resourceServer, ofReusedGrant)), "reuse ended grant");
    assertEquals(INACTIVE, json(introspect(resourceServer, expired)), "expired");
    assertTrue(
        json(introspect(resourceServer, control)).getBoolean("active"),
        "the control: the expired token's twin, unexpired, is still active");
  }

  @Test
  default void introspectWhenClientCredentialsTokenThenActiveWithClientAsSubject() {
    JsonObject service =
        TestClients.configure(TestClients.service("client_secret_post").add("scope", "read"));
    String access =
        json(request("/token")
                .post(Entity.form(secretPost(service, "grant_type", "client_credentials"))))
            .getString("access_token");

    JsonObject body =
        json(request("/introspect").post(Entity.form(secretPost(service, "token", access))));

    assertTrue(body.getBoolean("active"));
    assertEquals(service.getString("client_id"), body.getString("sub"));
    assertEquals(service.getString("client_id"), body.getString("client_id"));
    assertEquals("read", body.getString("scope"));
    assertEquals("Bearer", body.getString("token_type"));
    assertEquals("gatehouse-api", body.getString("aud"), "the default audience");
    assertEquals(issuer(), body.getString("iss"));
    long now = Instant.now().getEpochSecond();
    assertTrue(body.getJsonNumber("exp").longValue() > now, "not yet expired");
    assertTrue(body.getJsonNumber("exp").longValue() <= now + 300, "5 minutes at most");
  }

  @Test
  default void introspectWhenHintWrongOrUnknownThenTokenStillFound() throws Exception {
    JsonObject client = TestClients.register(TestClients.withRefresh());
    JsonObject tokens = tokens(client, TestAccounts.alice(), "openid offline_access");

    assertTrue(
        json(introspect(client, tokens.getString("refresh_token"), "access_token"))
            .getBoolean("active"));
    assertTrue(
        json(introspect(client, tokens.getString("access_token"), "refresh_token"))
            .getBoolean("active"));
    assertTrue(
        json(introspect(client, tokens.getString("access_token"), "id_token"))
            .getBoolean("active"));
    assertTrue(
        json(introspect(client, tokens.getString("refresh_token"), "no_such_type"))
            .getBoolean("active"),
        "RFC 7662 §2.1: an unknown hint is only a hint");
  }

  @Test
  default void introspectWhenPublicOrUnauthenticatedOrWrongSecretThen401InvalidClient()
      throws Exception {
    JsonObject spa = TestClients.register(TestClients.publicWithRefresh());
    String access = tokens(spa, TestAccounts.alice(), "openid").getString("access_token");
    JsonObject confidential = TestClients.register(TestClients.confidential());

    Response publicClient = introspect(spa, access);
    Response anonymous = request("/introspect").post(Entity.form(new Form("token", access)));
    Response wrongSecret =
        request("/introspect")
            .header("Authorization", AsClient.basic(confidential.getString("client_id"), "wrong"))
            .post(Entity.form(new Form("token", access)));

    assertEquals(401, publicClient.getStatus());
    assertEquals("invalid_client", json(publicClient).getString("error"));
    assertEquals(401, anonymous.getStatus());
    assertEquals("invalid_client", json(anonymous).getString("error"));
    assertEquals(401, wrongSecret.getStatus());
    assertTrue(wrongSecret.getHeaderString("WWW-Authenticate").startsWith("Basic"));
    assertEquals("invalid_client", json(wrongSecret).getString("error"));

    // Client authentication comes first: a public client's request is refused alike without a
    // token or with two.
    for (Form body : new Form[] {new Form(), new Form("token", access).param("token", "x")}) {
      Response refused = AsClient.post(spa, "/introspect", body);
      assertEquals(401, refused.getStatus());
      assertEquals("invalid_client", json(refused).getString("error"));
    }
  }

  @Test
  default void introspectWhenTokenMissingRepeatedOrWrongMethodOrBodyThenErrors() {
    JsonObject client = TestClients.register(TestClients.confidential());

    Response missing = AsClient.post(client, "/introspect", new Form());
    Response repeated =
        AsClient.post(client, "/introspect", new Form("token", "a").param("token", "b"));
    Response json =
        request("/introspect")
            .header(
                "Authorization",
                AsClient.basic(client.getString("client_id"), client.getString("client_secret")))
            .post(Entity.json("{\"token\":\"a\"}"));
    Response get = request("/introspect").get();

    assertEquals(400, missing.getStatus());
    assertEquals("invalid_request", json(missing).getString("error"));
    assertEquals(400, repeated.getStatus());
    assertEquals("invalid_request", json(repeated).getString("error"));
    assertEquals("invalid_request", json(json).getString("error"));
    assertEquals(405, get.getStatus());
    get.close();
  }

  /**
   * More malformed requests, at /introspect and /revoke alike: an empty token (as if not sent), a
   * repeated hint, no Content-Type, the token only in the query string, other methods.
   */
  @Test
  default void introspectAndRevokeWhenTokenEmptyHintRepeatedNoContentTypeOrInQueryThenErrors() {
    JsonObject client = TestClients.register(TestClients.confidential());
    String basic = AsClient.basic(client.getString("client_id"), client.getString("client_secret"));
    for (String path : new String[] {"/introspect", "/revoke"}) {
      Response empty = AsClient.post(client, path, new Form("token", ""));
      Response hints =
          AsClient.post(
              client,
              path,
              new Form("token", "a")
                  .param("token_type_hint", "access_token")
                  .param("token_type_hint", "refresh_token"));
      HttpResponse<String> noType =
          TestServer.send(
              HttpRequest.newBuilder(TestServer.base().resolve(path))
                  .header("Authorization", basic)
                  .POST(HttpRequest.BodyPublishers.ofString("token=a")));
      Response inQuery = AsClient.post(client, path + "?token=a", new Form());

      for (Response r : new Response[] {empty, hints, inQuery}) {
        assertEquals(400, r.getStatus(), path);
        assertEquals("invalid_request", json(r).getString("error"), path);
      }
      assertEquals(400, noType.statusCode(), path + ": " + noType.body());
      assertTrue(noType.body().startsWith("{\"error\":\"invalid_request\""), path);
      Response put = request(path).header("Authorization", basic).put(Entity.form(new Form()));
      Response delete = request(path).header("Authorization", basic).delete();
      assertEquals(405, put.getStatus(), path);
      assertEquals(405, delete.getStatus(), path);
      put.close();
      delete.close();
    }
  }

  private static int status(Response response) {
    try (response) {
      return response.getStatus();
    }
  }

  private static JsonObject tokens(JsonObject client, TestAccount user, String scope)
      throws Exception {
    try (SignIn.Session session = SignIn.session(client, user, scope)) {
      return session.tokens();
    }
  }

  private static String mint(Map<String, Object> claims, Map<String, Object> changes) {
    var json = Json.createObjectBuilder(claims);
    changes.forEach(
        (name, value) ->
            json.add(
                name,
                value instanceof Long l ? Json.createValue(l) : Json.createValue((String) value)));
    Response minted =
        request("/test-only/mint")
            .post(
                Entity.json(
                    Json.createObjectBuilder().add("claims", json).add("typ", "at+jwt").build()));
    String token = minted.readEntity(String.class);
    assertEquals(200, minted.getStatus(), token);
    try {
      assertEquals(
          claims.get("jti"), SignedJWT.parse(token).getJWTClaimsSet().getJWTID(), "same token id");
    } catch (java.text.ParseException e) {
      throw new AssertionError("the mint answered no JWT: " + token, e);
    }
    return token;
  }

  /** A form authenticated with client_secret_post. */
  private static Form secretPost(JsonObject client, String name, String value) {
    return new Form(name, value)
        .param("client_id", client.getString("client_id"))
        .param("client_secret", client.getString("client_secret"));
  }
}
