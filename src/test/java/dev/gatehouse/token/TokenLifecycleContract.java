package dev.gatehouse.token;

import static dev.gatehouse.testing.AsClient.clientCredentials;
import static dev.gatehouse.testing.AsClient.introspect;
import static dev.gatehouse.testing.AsClient.refresh;
import static dev.gatehouse.testing.AsClient.revoke;
import static dev.gatehouse.testing.AsClient.token;
import static dev.gatehouse.testing.AsClient.userInfo;
import static dev.gatehouse.testing.TestServer.adminRequest;
import static dev.gatehouse.testing.TestServer.issuer;
import static dev.gatehouse.testing.TestServer.json;
import static dev.gatehouse.testing.TestServer.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import dev.gatehouse.testing.AdjustedSettings;
import dev.gatehouse.testing.AsClient;
import dev.gatehouse.testing.PastRows;
import dev.gatehouse.testing.SignIn;
import dev.gatehouse.testing.TestAccounts;
import dev.gatehouse.testing.TestClients;
import dev.gatehouse.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The refresh_token grant (rotation, reuse detection) and client_credentials over HTTP. */
public interface TokenLifecycleContract {

  @Test
  default void refreshWhenUsedThenRotatedWithNewIdTokenAndReuseRevokesWholeGrant()
      throws Exception {
    JsonObject client = offlineClient();
    OIDCTokens first = SignIn.tokens(client, TestAccounts.alice(), "openid email offline_access");
    String r1 = first.getRefreshToken().getValue();

    Response refreshed = refresh(client, r1, null);
    assertEquals(200, refreshed.getStatus());
    assertEquals("no-store", refreshed.getHeaderString("Cache-Control"));
    JsonObject second = json(refreshed);
    String r2 = second.getString("refresh_token");
    assertNotEquals(r1, r2, "rotation: a new refresh token every time");
    assertTrue(second.containsKey("id_token"), "openid granted: a new ID token");
    // OpenID Connect Core §12.2: same iss, sub, aud and auth_time as the first; no nonce.
    var original = first.getIDToken().getJWTClaimsSet();
    var renewed = SignedJWT.parse(second.getString("id_token")).getJWTClaimsSet();
    assertEquals(original.getIssuer(), renewed.getIssuer());
    assertEquals(original.getSubject(), renewed.getSubject());
    assertEquals(original.getAudience(), renewed.getAudience());
    assertEquals(original.getDateClaim("auth_time"), renewed.getDateClaim("auth_time"));
    assertNotNull(original.getStringClaim("nonce"), "the sign-in sent a nonce");
    assertNull(renewed.getClaim("nonce"), "a refresh has no nonce to echo");
    assertEquals(200, userInfo(second.getString("access_token")).getStatus());
    assertEquals(403, api(second.getString("access_token")), "valid, without the API's scope");

    // Reuse of the rotated token: refused, and the whole grant is revoked (RFC 9700 §4.14.2).
    Response reuse = refresh(client, r1, null);
    assertEquals(400, reuse.getStatus());
    assertEquals("invalid_grant", json(reuse).getString("error"));
    assertEquals("invalid_grant", json(refresh(client, r2, null)).getString("error"));
    assertEquals(401, userInfo(second.getString("access_token")).getStatus());
    assertEquals(
        401,
        api(second.getString("access_token")),
        "the API in the same WAR refuses it too (not 403 for its missing scope: it is revoked)");
  }

  private static int api(String accessToken) {
    try (Response response =
        request("/api/secure-data").header("Authorization", "Bearer " + accessToken).get()) {
      return response.getStatus();
    }
  }

  @Test
  default void codeWhenResourceIsNotTheDefaultAudienceThenInvalidTargetAndCodeStillUsable()
      throws Exception {
    JsonObject client = offlineClient();
    try (SignIn.Session session = SignIn.session(client, TestAccounts.alice(), "openid")) {
      SignIn.Session.Code code = session.code();

      Response elsewhere =
          token(
              client,
              new Form("grant_type", "authorization_code")
                  .param("code", code.value())
                  .param("redirect_uri", SignIn.CALLBACK)
                  .param("code_verifier", code.verifier().getValue())
                  .param("resource", "https://api.example/orders"));

      assertEquals(400, elsewhere.getStatus());
      assertEquals("invalid_target", json(elsewhere).getString("error"));
      assertEquals(200, session.redeem(code).getStatus(), "refused before the code was consumed");
    }
  }

  @Test
  default void refreshWhenResourceIsNotTheDefaultAudienceThenInvalidTargetAndTokenStillUsable()
      throws Exception {
    JsonObject client = offlineClient();
    String refreshToken = offlineRefreshToken(client);

    Response elsewhere =
        token(
            client,
            new Form("grant_type", "refresh_token")
                .param("refresh_token", refreshToken)
                .param("resource", "https://api.example/orders"));
    // The default audience here is the bare name gatehouse-api: not a URI, so not a resource.
    Response byName =
        token(
            client,
            new Form("grant_type", "refresh_token")
                .param("refresh_token", refreshToken)
                .param("resource", "gatehouse-api"));
    Response plain = refresh(client, refreshToken, null);

    assertEquals(400, elsewhere.getStatus());
    assertEquals("invalid_target", json(elsewhere).getString("error"));
    assertEquals(400, byName.getStatus());
    assertEquals("invalid_target", json(byName).getString("error"));
    assertEquals(200, plain.getStatus(), "refused before rotation: the token still works");
    assertEquals(
        "gatehouse-api",
        SignedJWT.parse(json(plain).getString("access_token"))
            .getJWTClaimsSet()
            .getAudience()
            .get(0));
  }

  @Test
  default void refreshWhenScopeNarrowedThenAcceptedAndWidenedThenInvalidScope() throws Exception {
    JsonObject client = offlineClient();
    OIDCTokens tokens = SignIn.tokens(client, TestAccounts.alice(), "openid email offline_access");

    JsonObject narrowed = json(refresh(client, tokens.getRefreshToken().getValue(), "openid"));
    assertEquals("openid", narrowed.getString("scope"));
    // RFC 6749 §6: the new refresh token keeps the scope granted, not the narrowed one.
    assertEquals(
        "openid email offline_access",
        json(introspect(client, narrowed.getString("refresh_token"))).getString("scope"));
    Response widened = refresh(client, narrowed.getString("refresh_token"), "openid phone");

    assertEquals(400, widened.getStatus());
    assertEquals("invalid_scope", json(widened).getString("error"));
    JsonObject backToGranted =
        json(
            refresh(
                client,
                json(refresh(client, narrowed.getString("refresh_token"), "openid email"))
                    .getString("refresh_token"),
                null));
    assertEquals("openid email offline_access", backToGranted.getString("scope"));
  }

  /**
   * Widening by a scope the client is registered for but the user never granted is refused too, as
   * is a scope of spaces alone or one that is no scope token; a refused refresh leaves the token
   * usable.
   */
  @Test
  default void
      refreshWhenRegisteredButUngrantedOrMalformedScopeThenInvalidScopeAndTokenStillUsable()
          throws Exception {
    JsonObject client = TestClients.register(TestClients.withRefresh().add("scope", "read"));
    String token = offlineRefreshToken(client);

    for (String scope : new String[] {"openid read", "read", " ", "openid\u0007"}) {
      Response refused = refresh(client, token, scope);
      assertEquals(400, refused.getStatus(), scope);
      assertEquals("invalid_scope", json(refused).getString("error"), scope);
    }
    JsonObject next = json(refresh(client, token, null));
    assertEquals("openid offline_access", next.getString("scope"), "the grant, unchanged");
  }

  @Test
  default void refreshWhenClientRegistrationNoLongerListsAScopeThenLeftOutUntilListedAgain()
      throws Exception {
    JsonObject client = TestClients.register(TestClients.withRefresh().add("scope", "read"));
    OIDCTokens tokens = SignIn.tokens(client, TestAccounts.alice(), "openid read offline_access");
    JsonObject update =
        TestClients.withRefresh()
            .add("client_id", client.getString("client_id"))
            .add("scope", "write")
            .build();
    JsonObject afterUpdate = updateRegistration(client, update);

    JsonObject askedFor = json(refresh(client, tokens.getRefreshToken().getValue(), "read"));
    JsonObject partly = json(refresh(client, tokens.getRefreshToken().getValue(), "openid read"));
    JsonObject renewed = json(refresh(client, partly.getString("refresh_token"), null));
    JsonObject again = json(refresh(client, renewed.getString("refresh_token"), "openid read"));
    updateRegistration(afterUpdate, withScope(update, "write read"));
    JsonObject restored = json(refresh(client, again.getString("refresh_token"), null));

    assertEquals(
        "invalid_scope",
        askedFor.getString("error"),
        "asked for alone, read is refused (not left out of a response that would claim it)");
    assertEquals(
        "openid", partly.getString("scope"), "asked for beside openid, the response says it's out");
    assertEquals("openid offline_access", renewed.getString("scope"), "read was taken away");
    assertEquals(
        "openid offline_access",
        SignedJWT.parse(renewed.getString("access_token"))
            .getJWTClaimsSet()
            .getStringClaim("scope"));
    assertEquals("openid", again.getString("scope"), "nor is it in a later access token");
    assertEquals(
        "openid read offline_access",
        restored.getString("scope"),
        "RFC 6749 §6: each refresh token keeps the scope of the one it replaced");
  }

  /**
   * An RFC 7592 update with the client's current registration access token; the response (which
   * carries the token for the next one).
   */
  private static JsonObject updateRegistration(JsonObject client, JsonObject metadata) {
    Response updated =
        request("/register/" + client.getString("client_id"))
            .header("Authorization", "Bearer " + client.getString("registration_access_token"))
            .put(Entity.json(metadata.toString()));
    assertEquals(200, updated.getStatus());
    return json(updated);
  }

  private static JsonObject withScope(JsonObject metadata, String scope) {
    return Json.createObjectBuilder(metadata).add("scope", scope).build();
  }

  @Test
  default void refreshWhenGrantNearItsAbsoluteLifetimeThenNewTokenExpiresWithTheGrant()
      throws Exception {
    JsonObject client = offlineClient();
    OIDCTokens tokens = SignIn.tokens(client, TestAccounts.alice(), "openid offline_access");
    // Signed in 89 days ago (the grant itself is new, as after an old SSO session): the 90-day
    // absolute lifetime ends in a day, before the 30-day idle one.
    PastRows.ageGrant(
        tokens.getAccessToken().getValue(), Duration.ofDays(89), PastRows.Part.SIGN_IN);

    JsonObject renewed = json(refresh(client, tokens.getRefreshToken().getValue(), null));
    long exp = AsClient.expiresAt(client, renewed.getString("refresh_token"));

    long inOneDay = Instant.now().plus(Duration.ofDays(1)).getEpochSecond();
    assertTrue(Math.abs(exp - inOneDay) < 120, "capped by the absolute lifetime: " + exp);
  }

  /**
   * The absolute lifetime shortened below the sign-in's age (an operator's change): a refresh is
   * invalid_grant, not a 200 with an already expired refresh token, and leaves the token unused; a
   * code from that sign-in yields access and ID tokens but no refresh token.
   */
  @Test
  default void refreshWhenAbsoluteLifetimeEndedThenInvalidGrantAndCodesYieldNoRefreshToken()
      throws Throwable {
    JsonObject client = offlineClient();
    try (SignIn.Session session =
        SignIn.session(client, TestAccounts.alice(), "openid offline_access")) {
      String refreshToken = session.tokens().getString("refresh_token");

      AdjustedSettings.with(
          AdjustedSettings.MAX_LIFETIME,
          Duration.ZERO,
          () -> {
            Response refused = refresh(client, refreshToken, null);
            JsonObject fromCode = session.tokens();

            assertEquals(400, refused.getStatus());
            assertEquals("invalid_grant", json(refused).getString("error"));
            assertTrue(fromCode.containsKey("access_token") && fromCode.containsKey("id_token"));
            assertFalse(fromCode.containsKey("refresh_token"), fromCode.toString());
          });

      Response later = refresh(client, refreshToken, null);
      assertEquals(200, later.getStatus(), "the refused refresh did not use the token up");
    }
  }

  @Test
  default void refreshWhenGrantIsOldThenTheNewTokenGetsAFullIdleLifetimeFromNow() throws Exception {
    JsonObject client = offlineClient();
    OIDCTokens tokens = SignIn.tokens(client, TestAccounts.alice(), "openid offline_access");
    // Signed in and granted 20 days ago: the idle lifetime (30 days) slides with each use, within
    // the absolute one (90 days from the sign-in).
    String grant =
        PastRows.ageGrant(
            tokens.getAccessToken().getValue(), Duration.ofDays(20), PastRows.Part.ALL);

    JsonObject renewed = json(refresh(client, tokens.getRefreshToken().getValue(), null));
    long exp = AsClient.expiresAt(client, renewed.getString("refresh_token"));

    long inThirtyDays = Instant.now().plus(Duration.ofDays(30)).getEpochSecond();
    assertTrue(Math.abs(exp - inThirtyDays) < 120, "30 days from this use: " + exp);
    // The grant's expires_at (moved 20 days back with it) follows: the purge keeps it till then.
    assertEquals(exp, PastRows.grantExpiresAt(grant));
  }

  @Test
  default void refreshWhenPastItsIdleLifetimeThenInvalidGrantAndTheGrantLivesOn() throws Exception {
    JsonObject client = offlineClient();
    OIDCTokens tokens = SignIn.tokens(client, TestAccounts.alice(), "openid offline_access");
    String expired = tokens.getRefreshToken().getValue();
    // Issued 30 days and an hour ago: its 30-day idle lifetime ended an hour ago. The row stays
    // (the grant's own expiry is untouched, so the purge leaves it), and is refused for its expiry.
    PastRows.ageRefreshToken(expired, Duration.ofDays(30).plusHours(1));

    Response refused = refresh(client, expired, null);
    Response again = refresh(client, expired, null);

    assertEquals(400, refused.getStatus());
    JsonObject first = json(refused);
    assertEquals("invalid_grant", first.getString("error"));
    assertEquals("The refresh token has expired", first.getString("error_description"));
    JsonObject second = json(again);
    assertEquals("The refresh token has expired", second.getString("error_description"));
    assertEquals(
        200,
        userInfo(tokens.getAccessToken().getValue()).getStatus(),
        "an expired refresh token, presented twice, is no reuse: the grant is not revoked");
  }

  /**
   * RFC 6749 §4.1.2, §10.5: a replayed code revokes what it gave, the refresh token too; the
   * replay's own answer is invalid_grant.
   */
  @Test
  default void codeReplayedThenTheRefreshTokenItGaveIsRevokedToo() throws Exception {
    JsonObject client = offlineClient();
    try (SignIn.Session session =
        SignIn.session(client, TestAccounts.alice(), "openid offline_access")) {
      SignIn.Session.Code code = session.code();
      JsonObject first = json(session.redeem(code));
      String refreshToken = first.getString("refresh_token");
      assertTrue(json(AsClient.introspect(client, refreshToken)).getBoolean("active"));

      Response replay = session.redeem(code);

      assertEquals("invalid_grant", json(replay).getString("error"));
      assertFalse(json(AsClient.introspect(client, refreshToken)).getBoolean("active"));
      assertEquals("invalid_grant", json(refresh(client, refreshToken, null)).getString("error"));
      assertEquals(401, userInfo(first.getString("access_token")).getStatus());
    }
  }

  /**
   * Each malformed refresh request gets its RFC 6749 §5.2 error and leaves the token unused: the
   * plain refresh afterwards still succeeds.
   */
  @Test
  default void refreshWhenRequestMalformedOrClientUnauthenticatedThenErrorAndTokenStillUsable()
      throws Exception {
    JsonObject client = offlineClient();
    JsonObject tokens;
    try (SignIn.Session session =
        SignIn.session(client, TestAccounts.alice(), "openid offline_access")) {
      tokens = session.tokens();
    }
    String rt = tokens.getString("refresh_token");
    Form refresh = new Form("grant_type", "refresh_token");
    Map<String, Form> invalidRequest =
        Map.of(
            "refresh_token missing", new Form("grant_type", "refresh_token"),
            "refresh_token empty",
                new Form("grant_type", "refresh_token").param("refresh_token", ""),
            "refresh_token repeated",
                new Form("grant_type", "refresh_token")
                    .param("refresh_token", rt)
                    .param("refresh_token", rt),
            "scope repeated",
                new Form("grant_type", "refresh_token")
                    .param("refresh_token", rt)
                    .param("scope", "openid")
                    .param("scope", "openid"),
            "grant_type repeated",
                new Form("grant_type", "refresh_token")
                    .param("grant_type", "refresh_token")
                    .param("refresh_token", rt));
    Map<String, String> invalidGrant =
        Map.of(
            "an access token", tokens.getString("access_token"),
            "an ID token", tokens.getString("id_token"),
            "5000 characters", "r".repeat(5000));

    invalidRequest.forEach(
        (name, form) -> {
          Response response = token(client, form);
          assertEquals(400, response.getStatus(), name);
          assertEquals("invalid_request", json(response).getString("error"), name);
        });
    invalidGrant.forEach(
        (name, value) -> {
          Response response = refresh(client, value, null);
          assertEquals(400, response.getStatus(), name);
          assertEquals("invalid_grant", json(response).getString("error"), name);
        });
    String id = client.getString("client_id");
    Response wrongSecret =
        request("/token")
            .header("Authorization", AsClient.basic(id, "wrong"))
            .post(Entity.form(new Form("grant_type", "refresh_token").param("refresh_token", rt)));
    Response idOnly =
        request("/token")
            .post(
                Entity.form(
                    new Form("grant_type", "refresh_token")
                        .param("refresh_token", rt)
                        .param("client_id", id)));
    assertEquals(401, wrongSecret.getStatus());
    assertEquals("invalid_client", json(wrongSecret).getString("error"));
    assertEquals(401, idOnly.getStatus(), "a confidential client cannot pose as a public one");
    assertEquals("invalid_client", json(idOnly).getString("error"));

    Response plain = token(client, refresh.param("refresh_token", rt));
    assertEquals(200, plain.getStatus(), () -> "still unused: " + plain.readEntity(String.class));
  }

  /** Core §12.2: without openid in the narrowed scope, the refresh answer has no ID token. */
  @Test
  default void refreshWhenNarrowedToScopeWithoutOpenidThenNoIdToken() throws Exception {
    JsonObject client = TestClients.register(TestClients.withRefresh().add("scope", "read"));
    String rt =
        SignIn.tokens(client, TestAccounts.alice(), "openid read offline_access")
            .getRefreshToken()
            .getValue();

    JsonObject narrowed = json(refresh(client, rt, "read"));

    assertEquals("read", narrowed.getString("scope"));
    assertTrue(narrowed.containsKey("access_token"));
    assertFalse(narrowed.containsKey("id_token"), narrowed.toString());
    JsonObject full = json(refresh(client, narrowed.getString("refresh_token"), null));
    assertTrue(full.containsKey("id_token"), "the refresh token kept the whole granted scope");
  }

  /**
   * A rotated refresh token presented after it also expired is still a reuse: the grant ends (an
   * expired but never rotated token, by contrast, is only refused; see the idle-lifetime test).
   */
  @Test
  default void refreshWhenRotatedTokenReusedAfterItExpiredThenTheGrantIsRevoked() throws Exception {
    JsonObject client = offlineClient();
    OIDCTokens tokens = SignIn.tokens(client, TestAccounts.alice(), "openid offline_access");
    String rotated = tokens.getRefreshToken().getValue();
    JsonObject current = json(refresh(client, rotated, null));
    PastRows.ageRefreshToken(rotated, Duration.ofDays(30).plusHours(1));

    Response reuse = refresh(client, rotated, null);

    assertEquals("invalid_grant", json(reuse).getString("error"));
    assertEquals(
        "invalid_grant",
        json(refresh(client, current.getString("refresh_token"), null)).getString("error"),
        "RFC 9700 §4.14.2: the current token of the grant died with it");
    assertEquals(401, userInfo(current.getString("access_token")).getStatus());
  }

  @Test
  default void refreshWhenPresentedByAnotherClientOrUnknownThenInvalidGrant() throws Exception {
    JsonObject owner = offlineClient();
    OIDCTokens tokens = SignIn.tokens(owner, TestAccounts.alice(), "openid offline_access");

    String token = tokens.getRefreshToken().getValue();
    String family = token.substring(0, token.indexOf('.'));
    JsonObject other = offlineClient();

    Response stolen = refresh(other, token, null);
    Response unknown = refresh(owner, "no-such-refresh-token", null);

    assertEquals("invalid_grant", json(stolen).getString("error"));
    assertEquals("invalid_grant", json(unknown).getString("error"));
    // Made-up values: the family of another client's grant, an unknown family, broken forms.
    String secret = "A".repeat(43);
    for (String forged :
        List.of(
            family + "." + secret,
            "B".repeat(22) + "." + secret,
            family + ".",
            "." + secret,
            family + ".." + secret,
            family + "." + "x".repeat(300))) {
      assertEquals("invalid_grant", json(refresh(other, forged, null)).getString("error"), forged);
    }
    assertEquals(
        200,
        refresh(owner, token, null).getStatus(),
        "none of it revoked the owner's grant or used its token");
  }

  /**
   * Client authentication at the real endpoints (the filter is the one ClientAuthContract drives
   * through its probe): two methods at once, a method other than the registered one, a Basic
   * client_id that the body contradicts, a malformed or non-Basic header, a wrong or no secret, a
   * confidential client posing as public. Each is refused with its error, and none of them used,
   * rotated or revoked the refresh token it carried.
   */
  @Test
  default void refreshTokenAtTokenIntrospectAndRevokeWhenClientAuthBadThenRefusedAndTokenUntouched()
      throws Exception {
    JsonObject owner = offlineClient();
    String token = offlineRefreshToken(owner);
    String id = owner.getString("client_id");
    String secret = owner.getString("client_secret");
    Map<String, Form> bodies =
        Map.of(
            "/token", new Form("grant_type", "refresh_token").param("refresh_token", token),
            "/introspect", new Form("token", token),
            "/revoke", new Form("token", token));
    for (String path : bodies.keySet()) {
      Supplier<Form> body =
          () -> new Form(new jakarta.ws.rs.core.MultivaluedHashMap<>(bodies.get(path).asMap()));
      assertRefused(
          path + " two methods",
          400,
          "invalid_request",
          request(path)
              .header("Authorization", AsClient.basic(id, secret))
              .post(Entity.form(body.get().param("client_secret", secret))));
      assertRefused(
          path + " post for a basic client",
          401,
          "invalid_client",
          request(path)
              .post(Entity.form(body.get().param("client_id", id).param("client_secret", secret))));
      assertRefused(
          path + " Basic contradicted",
          400,
          "invalid_request",
          request(path)
              .header("Authorization", AsClient.basic(id, secret))
              .post(Entity.form(body.get().param("client_id", "someone-else"))));
      for (String header :
          new String[] {"Basic !!!", "Bearer " + secret, AsClient.basic(id, "wrong")}) {
        assertRefused(
            path + " " + header,
            401,
            "invalid_client",
            request(path).header("Authorization", header).post(Entity.form(body.get())));
      }
      assertRefused(
          path + " none", 401, "invalid_client", request(path).post(Entity.form(body.get())));
      assertRefused(
          path + " posing as public",
          401,
          "invalid_client",
          request(path).post(Entity.form(body.get().param("client_id", id))));
    }
    assertTrue(json(introspect(owner, token)).getBoolean("active"), "never revoked");
    assertEquals(200, refresh(owner, token, null).getStatus(), "never used");
  }

  private static void assertRefused(String what, int status, String error, Response response) {
    String challenge = response.getHeaderString("WWW-Authenticate");
    JsonObject body = json(response);
    assertEquals(status, response.getStatus(), what + ": " + body);
    assertEquals(error, body.getString("error"), what);
    assertEquals("no-store", response.getHeaderString("Cache-Control"), what);
    if (status == 401) {
      assertTrue(challenge != null && challenge.startsWith("Basic"), what + ": " + challenge);
    }
  }

  /** The token endpoint answers POST alone, and a form alone, in the error model. */
  @Test
  default void tokenWhenGetJsonBodyNoContentTypeOrParametersInTheQueryThenRefusedNoToken() {
    JsonObject machine = TestClients.machine("read");
    String basic =
        AsClient.basic(machine.getString("client_id"), machine.getString("client_secret"));

    Response get =
        request("/token?grant_type=client_credentials").header("Authorization", basic).get();
    Response jsonBody =
        request("/token")
            .header("Authorization", basic)
            .post(Entity.json("{\"grant_type\":\"client_credentials\"}"));
    HttpResponse<String> noType =
        TestServer.send(
            HttpRequest.newBuilder(TestServer.base().resolve("/token"))
                .header("Authorization", basic)
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
    Response inQuery =
        request("/token?grant_type=client_credentials")
            .header("Authorization", basic)
            .post(Entity.form(new Form()));

    assertEquals(405, get.getStatus());
    assertEquals("invalid_request", json(get).getString("error"));
    assertEquals(400, jsonBody.getStatus());
    assertEquals("invalid_request", json(jsonBody).getString("error"));
    assertEquals(400, noType.statusCode(), noType.body());
    assertTrue(noType.body().startsWith("{\"error\":\"invalid_request\""), noType.body());
    assertEquals(400, inQuery.getStatus());
    assertEquals("invalid_request", json(inQuery).getString("error"), "grant_type is in the body");
  }

  /**
   * A public client's client_id proves nothing: a leaked code of a single-page app replayed without
   * its PKCE verifier (or with another) is refused and revokes nothing; the app's own replay, with
   * the verifier, still revokes the grant.
   */
  @Test
  default void codeReplayedForAPublicClientWithoutItsVerifierThenRefusedAndNothingRevoked()
      throws Exception {
    JsonObject spa = TestClients.register(TestClients.publicWithRefresh());
    try (SignIn.Session session =
        SignIn.session(spa, TestAccounts.alice(), "openid offline_access")) {
      SignIn.Session.Code code = session.code();
      Response redeemed = session.redeem(code);
      assertEquals(200, redeemed.getStatus());
      JsonObject tokens = json(redeemed);
      Supplier<Form> leaked =
          () ->
              new Form("grant_type", "authorization_code")
                  .param("code", code.value())
                  .param("redirect_uri", SignIn.CALLBACK);

      for (Response replay :
          new Response[] {
            token(spa, leaked.get()),
            token(spa, leaked.get().param("code_verifier", new CodeVerifier().getValue()))
          }) {
        assertEquals(400, replay.getStatus());
        assertEquals("invalid_grant", json(replay).getString("error"));
      }
      assertEquals(200, userInfo(tokens.getString("access_token")).getStatus(), "not revoked");
      JsonObject refreshed = json(refresh(spa, tokens.getString("refresh_token"), null));
      assertTrue(refreshed.containsKey("access_token"), refreshed.toString());

      Response own = session.redeem(code);
      assertEquals("invalid_grant", json(own).getString("error"));
      assertEquals(
          401,
          userInfo(refreshed.getString("access_token")).getStatus(),
          "the app's own replay, with the verifier, revokes the grant");
    }
  }

  /**
   * Values that only begin with a live family (a token cut short in a log, a made-up secret) carry
   * no MAC of the family's key: even from the owner they are unknown tokens at /token, /revoke and
   * /introspect, and end nothing; a rotated token (its MAC genuine) still is a reuse.
   */
  @Test
  default void refreshTokenWhenOnlyItsFamilyIsRealThenUnknownEverywhereAndNothingRevoked()
      throws Exception {
    JsonObject owner = offlineClient();
    String token = offlineRefreshToken(owner);
    String family = token.substring(0, token.indexOf('.'));
    JsonObject other = offlineClient();

    for (String forged :
        List.of(
            family + ".x",
            family + "." + "A".repeat(54),
            token.substring(0, token.length() - 1),
            token.substring(0, 40))) {
      assertEquals("invalid_grant", json(refresh(owner, forged, null)).getString("error"), forged);
      assertEquals(
          Json.createObjectBuilder().add("active", false).build(),
          json(introspect(owner, forged, "refresh_token")),
          forged);
      assertEquals(200, revoke(owner, forged, "refresh_token").getStatus(), forged);
      assertEquals(
          200, revoke(other, forged, null).getStatus(), "unknown to another client too: " + forged);
    }
    Response next = refresh(owner, token, null);
    assertEquals(200, next.getStatus(), "the owner's grant lives on");
    String rotated = json(next).getString("refresh_token");
    Response foreign = revoke(other, rotated, null);
    assertEquals(
        400, foreign.getStatus(), "a genuine token of another client is refused, not unknown");
    assertEquals("invalid_request", json(foreign).getString("error"));
    assertTrue(
        json(introspect(owner, rotated)).getBoolean("active"),
        "another client's revocation ended nothing");
    assertEquals("invalid_grant", json(refresh(owner, token, null)).getString("error"));
    assertEquals(
        "invalid_grant",
        json(refresh(owner, rotated, null)).getString("error"),
        "the genuine rotated token's reuse still revoked the grant");
  }

  @Test
  default void clientCredentialsWhenAllowedScopesThenTokenForClientWithoutRefreshOrIdToken()
      throws Exception {
    JsonObject client = TestClients.machine("read write");

    Response response =
        token(client, new Form("grant_type", "client_credentials").param("scope", "read"));

    assertEquals(200, response.getStatus());
    JsonObject body = json(response);
    assertFalse(body.containsKey("refresh_token"));
    assertFalse(body.containsKey("id_token"));
    var claims = SignedJWT.parse(body.getString("access_token")).getJWTClaimsSet();
    assertEquals(client.getString("client_id"), claims.getSubject());
    assertEquals(client.getString("client_id"), claims.getStringClaim("client_id"));
    assertEquals("read", claims.getStringClaim("scope"));
    assertEquals(issuer(), claims.getIssuer());
    assertEquals(
        200,
        api(body.getString("access_token")),
        "the sample API accepts machine-to-machine tokens");
  }

  @Test
  default void clientCredentialsWhenResourceGivenThenAudienceIsResource() throws Exception {
    JsonObject client = TestClients.machine("read");

    JsonObject body = json(clientCredentials(client, "https://api.example/orders"));

    var claims = SignedJWT.parse(body.getString("access_token")).getJWTClaimsSet();
    assertEquals("https://api.example/orders", claims.getAudience().get(0));
    assertEquals("read", body.getString("scope"), "default: the client's registered scope");
  }

  /**
   * A client the operator gave resources of its own gets tokens for those alone: a resource listed
   * in oidc.token.resources for every other client is invalid_target for it.
   */
  @Test
  default void clientCredentialsWhenClientHasOwnResourcesThenOnlyThoseAndTheDefaultAudience()
      throws Exception {
    JsonObject inventory =
        TestClients.configure(
            TestClients.service("client_secret_basic")
                .add("scope", "read")
                .add("resources", Json.createArrayBuilder().add("https://api.example/inventory")));
    JsonObject anyService = TestClients.machine("read");

    JsonObject own = json(clientCredentials(inventory, "https://api.example/inventory"));
    Response listedForOthers = clientCredentials(inventory, "https://api.example/orders");
    Response notTheirs = clientCredentials(anyService, "https://api.example/inventory");
    JsonObject plain = json(clientCredentials(inventory, null));

    assertEquals(
        List.of("https://api.example/inventory"),
        SignedJWT.parse(own.getString("access_token")).getJWTClaimsSet().getAudience());
    assertEquals("invalid_target", json(listedForOthers).getString("error"));
    assertEquals("invalid_target", json(notTheirs).getString("error"));
    assertEquals(
        List.of("gatehouse-api"),
        SignedJWT.parse(plain.getString("access_token")).getJWTClaimsSet().getAudience(),
        "without resource: the default audience");
  }

  @Test
  default void clientCredentialsWhenClientRegisteredNoScopeThenTokenWithoutScopeAndAnyScopeRefused()
      throws Exception {
    JsonObject client = TestClients.configure(TestClients.service("client_secret_basic"));

    Response plain = token(client, new Form("grant_type", "client_credentials"));
    Response admin =
        token(client, new Form("grant_type", "client_credentials").param("scope", "admin"));

    assertEquals(200, plain.getStatus());
    JsonObject body = json(plain);
    assertFalse(body.containsKey("scope"), "no scope, so no empty scope member: " + body);
    String accessToken = body.getString("access_token");
    assertNull(SignedJWT.parse(accessToken).getJWTClaimsSet().getClaim("scope"), "nor claim");
    assertEquals(400, admin.getStatus());
    assertEquals("invalid_scope", json(admin).getString("error"));
  }

  /** RFC 6749 §3.3: a scope sent many times is granted once (it was a 500: too long to store). */
  @Test
  default void clientCredentialsWhenScopeRepeatedManyTimesThenGrantedOnce() {
    JsonObject client = TestClients.machine("read");

    Response repeated =
        token(
            client,
            new Form("grant_type", "client_credentials").param("scope", "read ".repeat(450)));

    JsonObject body = json(repeated);
    assertEquals(200, repeated.getStatus(), body.toString());
    assertEquals("read", body.getString("scope"));
    assertEquals(
        "read", json(introspect(client, body.getString("access_token"))).getString("scope"));
  }

  @Test
  default void clientCredentialsWhenClientRegisteredUserScopesThenNeverGrantedThem() {
    JsonObject client = TestClients.machine("openid profile read");

    JsonObject byDefault = json(token(client, new Form("grant_type", "client_credentials")));
    Response openid =
        token(client, new Form("grant_type", "client_credentials").param("scope", "openid read"));

    assertEquals("read", byDefault.getString("scope"), "no user, so no user scopes");
    assertEquals(400, openid.getStatus());
    assertEquals("invalid_scope", json(openid).getString("error"));
  }

  @Test
  default void clientCredentialsWhenScopeNotAllowedOrGrantNotRegisteredThenRfc6749Errors() {
    JsonObject service = TestClients.machine("read");
    JsonObject webApp = TestClients.register(TestClients.confidential());

    Response scope =
        token(service, new Form("grant_type", "client_credentials").param("scope", "admin"));
    Response grant = token(webApp, new Form("grant_type", "client_credentials"));

    assertEquals("invalid_scope", json(scope).getString("error"));
    assertEquals("unauthorized_client", json(grant).getString("error"));
  }

  /**
   * Each refusal for its own reason, told by its description: the unlisted resource is refused by
   * the list, the others by their form before the list is consulted.
   */
  @Test
  default void
      clientCredentialsWhenResourceUnknownRelativeWithFragmentRepeatedOrTooLongThenInvalidTarget() {
    JsonObject service = TestClients.machine("read");
    String malformed = "resource must be an absolute URI without a fragment";
    Map<String, Map.Entry<Form, String>> cases =
        Map.of(
            "relative",
            Map.entry(new Form("resource", "relative/path"), malformed),
            "fragment",
            Map.entry(new Form("resource", "https://api.example/orders#f"), malformed),
            "not a URI",
            Map.entry(new Form("resource", "https://api example/ orders"), malformed),
            "two resources",
            Map.entry(
                new Form("resource", "https://api.example/orders")
                    .param("resource", "https://api.example/payroll"),
                "Only one resource per request is supported"),
            "too long",
            Map.entry(
                new Form("resource", "https://api.example/" + "x".repeat(2100)),
                "resource is too long"),
            "not listed in oidc.token.resources",
            Map.entry(
                new Form("resource", "https://api.example/payroll"),
                "The resource is not one this provider issues tokens for"));

    cases.forEach(
        (name, request) -> {
          Response response =
              token(service, request.getKey().param("grant_type", "client_credentials"));
          JsonObject body = json(response);
          assertEquals(400, response.getStatus(), name);
          assertEquals("invalid_target", body.getString("error"), name);
          assertEquals(request.getValue(), body.getString("error_description"), name);
        });
  }

  /** RFC 8707 §2: a resource named twice is one resource, not two. */
  @Test
  default void clientCredentialsWhenSameResourceNamedTwiceThenItIsTheAudience() throws Exception {
    JsonObject service = TestClients.machine("read");

    Response response =
        token(
            service,
            new Form("grant_type", "client_credentials")
                .param("resource", "https://api.example/orders")
                .param("resource", "https://api.example/orders"));

    assertEquals(200, response.getStatus());
    String access = json(response).getString("access_token");
    assertEquals(
        List.of("https://api.example/orders"),
        SignedJWT.parse(access).getJWTClaimsSet().getAudience());
  }

  /**
   * RFC 6749 §3.2: parameters sent without a value are as if omitted, at the endpoint as at client
   * authentication: an empty resource is the default audience, an empty hint no hint.
   */
  @Test
  default void tokenAndIntrospectionWhenParametersSentEmptyThenAsIfOmitted() throws Exception {
    JsonObject service = TestClients.machine("read");

    Response issued =
        token(
            service,
            new Form("grant_type", "client_credentials").param("resource", "").param("scope", ""));

    assertEquals(200, issued.getStatus(), () -> issued.readEntity(String.class));
    String access = json(issued).getString("access_token");
    var claims = SignedJWT.parse(access).getJWTClaimsSet();
    assertEquals(List.of("gatehouse-api"), claims.getAudience());
    assertEquals("read", claims.getStringClaim("scope"));
    Response introspected =
        AsClient.post(
            service, "/introspect", new Form("token", access).param("token_type_hint", ""));
    assertTrue(json(introspected).getBoolean("active"));
  }

  @Test
  default void clientCredentialsWhenClientIdIsLongThenTokenIssuedWithItAsSubject()
      throws Exception {
    String clientId = "long-service-" + "s".repeat(90) + "-" + System.nanoTime();
    JsonObject client =
        json(
            adminRequest("/admin/clients")
                .post(
                    Entity.json(
                        TestClients.service("client_secret_basic")
                            .add("client_id", clientId)
                            .build()
                            .toString())));

    Response response = token(client, new Form("grant_type", "client_credentials"));

    assertEquals(200, response.getStatus(), () -> response.readEntity(String.class));
    var claims = SignedJWT.parse(json(response).getString("access_token")).getJWTClaimsSet();
    assertEquals(clientId, claims.getSubject());
  }

  @Test
  default void clientDeletedThenItsAccessTokensRevokedAndConsentsForgotten() throws Exception {
    JsonObject client = offlineClient();
    OIDCTokens tokens = SignIn.tokens(client, TestAccounts.alice(), "openid offline_access");
    String access = tokens.getAccessToken().getValue();
    assertEquals(200, userInfo(access).getStatus());
    assertEquals(1, PastRows.consentRows(client.getString("client_id")), "alice consented");

    Response deleted =
        request("/register/" + client.getString("client_id"))
            .header("Authorization", "Bearer " + client.getString("registration_access_token"))
            .delete();

    assertEquals(204, deleted.getStatus());
    assertEquals(
        401, userInfo(access).getStatus(), "RFC 7592 §2.3: the client's tokens are revoked");
    assertEquals(
        0,
        PastRows.consentRows(client.getString("client_id")),
        "a client created later under this client_id must ask for consent again");
  }

  private static JsonObject offlineClient() {
    return TestClients.register(TestClients.withRefresh());
  }

  /** The refresh token of a new user's sign-in at the client with offline_access. */
  private static String offlineRefreshToken(JsonObject client) throws Exception {
    return SignIn.tokens(client, TestAccounts.alice(), "openid offline_access")
        .getRefreshToken()
        .getValue();
  }
}
