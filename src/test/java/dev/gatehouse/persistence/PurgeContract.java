package dev.gatehouse.persistence;

import static dev.gatehouse.testing.AsClient.expiresAt;
import static dev.gatehouse.testing.AsClient.introspect;
import static dev.gatehouse.testing.AsClient.refresh;
import static dev.gatehouse.testing.AsClient.revoke;
import static dev.gatehouse.testing.TestServer.json;
import static dev.gatehouse.testing.TestServer.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import dev.gatehouse.testing.Eventually;
import dev.gatehouse.testing.PastRows;
import dev.gatehouse.testing.SignIn;
import dev.gatehouse.testing.TestAccounts;
import dev.gatehouse.testing.TestClients;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The purge job as it runs in the server: a timer (every 2 s in the container tests, batches of 2
 * rows) deletes what real flows created once it is older than the retention (6 hours in the
 * container tests, not the 1-day default, so that rows 12 hours old tell whether the setting is
 * followed). Rows are moved into the past by a test-only endpoint; nothing here calls the purge
 * directly.
 */
public interface PurgeContract {

  Duration WAIT = Duration.ofSeconds(60);

  @Test
  default void purgeWhenGrantExpiredBeyondRetentionThenTimerDeletesItAndAllItsRows()
      throws Exception {
    JsonObject client = TestClients.register(TestClients.withRefresh());
    try (SignIn.Session session = offlineSession(client)) {
      JsonObject first = session.tokens();
      JsonObject second = json(refresh(client, first.getString("refresh_token"), null));
      JsonObject third = json(refresh(client, second.getString("refresh_token"), null));
      String live = grantOf(session.tokens(), Duration.ZERO);
      JsonObject liveRows = PastRows.grantRows(live);
      assertEquals(rows(1, 1, 3, 3), PastRows.grantRows(grantOf(third, Duration.ZERO)));

      // Past the 30-day refresh-token lifetime and the retention: everything may go.
      String expired = grantOf(third, Duration.ofDays(32));

      awaitRows(expired, rows(0, 0, 0, 0));
      assertEquals(rows(1, 1, 1, 1), liveRows);
      assertKept(() -> PastRows.grantRows(live), liveRows, "a live grant keeps all its rows");
      assertEquals(
          "invalid_grant",
          json(refresh(client, third.getString("refresh_token"), null)).getString("error"));
    }
  }

  /**
   * A grant that ended within the retention stays with its last refresh token (time to look into an
   * incident), while one that ended beyond it goes; the codes and access tokens of both, which
   * ended a month ago, go.
   */
  @Test
  default void purgeWhenGrantExpiredWithinRetentionThenKeptWithItsLastRefreshToken()
      throws Exception {
    JsonObject client = TestClients.register(TestClients.withRefresh());
    try (SignIn.Session session = offlineSession(client)) {
      JsonObject old = session.tokens();
      JsonObject recent = session.tokens();
      String recentGrant = grantOf(recent, Duration.ofDays(30).plus(Duration.ofHours(1)));

      String oldGrant = grantOf(old, Duration.ofDays(32));

      awaitRows(oldGrant, rows(0, 0, 0, 0));
      awaitRows(recentGrant, rows(1, 0, 0, 1));
      assertEquals(
          "invalid_grant",
          json(refresh(client, recent.getString("refresh_token"), null)).getString("error"),
          "kept, but expired an hour ago");
      assertKept(() -> PastRows.grantRows(recentGrant), rows(1, 0, 0, 1), "still kept");
    }
  }

  @Test
  default void purgeWhenAccessTokensAndCodeExpiredThenDeletedWhileTheGrantLivesOn()
      throws Exception {
    JsonObject client = TestClients.register(TestClients.withRefresh());
    try (SignIn.Session session = offlineSession(client)) {
      JsonObject first = session.tokens();
      JsonObject second = json(refresh(client, first.getString("refresh_token"), null));

      // Access tokens live minutes and codes seconds; two days on, only the grant's rotated and
      // current refresh tokens are still needed (the rotated one to detect its reuse).
      String grant =
          PastRows.ageGrant(
              second.getString("access_token"),
              Duration.ofDays(2),
              PastRows.Part.CODES_AND_ACCESS_TOKENS);

      awaitRows(grant, rows(1, 0, 0, 2));
      JsonObject third = json(refresh(client, second.getString("refresh_token"), null));
      assertEquals(
          rows(1, 0, 1, 3),
          PastRows.grantRows(grantOf(third, Duration.ZERO)),
          "the grant goes on issuing");
    }
  }

  @Test
  default void purgeWhenUsedCodeDeletedThenItsReplayStillRevokesTheGrant() throws Exception {
    JsonObject client = TestClients.register(TestClients.withRefresh());
    try (SignIn.Session session = offlineSession(client)) {
      SignIn.Session.Code code = session.code();
      Response redeemed = session.redeem(code);
      assertEquals(200, redeemed.getStatus());
      JsonObject tokens = json(redeemed);
      String grant =
          PastRows.ageGrant(
              tokens.getString("access_token"),
              Duration.ofDays(2),
              PastRows.Part.CODES_AND_ACCESS_TOKENS);
      awaitRows(grant, rows(1, 0, 0, 1));

      // RFC 6749 §4.1.2: the code's row is gone, yet its replay still ends what it yielded.
      assertEquals("invalid_grant", json(session.redeem(code)).getString("error"));

      assertEquals(
          "invalid_grant",
          json(refresh(client, tokens.getString("refresh_token"), null))
              .getString("error", "none: the grant lives on"));
    }
  }

  @Test
  default void refreshWhenIssuedThenTheGrantLivesUntilItsLastRefreshTokenExpires()
      throws Exception {
    // The purge keeps a grant's refresh chain (rotated tokens too) until the grant's expires_at:
    // it must follow every refresh token the grant yields.
    JsonObject client = TestClients.register(TestClients.withRefresh());
    try (SignIn.Session session = offlineSession(client)) {
      JsonObject first = session.tokens();
      String grant = grantOf(first, Duration.ZERO);
      assertEquals(
          expiresAt(client, first.getString("refresh_token")), PastRows.grantExpiresAt(grant));

      JsonObject second = json(refresh(client, first.getString("refresh_token"), null));

      assertEquals(
          expiresAt(client, second.getString("refresh_token")), PastRows.grantExpiresAt(grant));
    }
  }

  @Test
  default void purgeWhenRotatedRefreshTokenOlderThanRetentionThenDeletedAndItsReuseStillRevokes()
      throws Exception {
    JsonObject client = TestClients.register(TestClients.withRefresh());
    try (SignIn.Session session = offlineSession(client)) {
      List<JsonObject> chain = chainWithFirstRotatedTwelveHoursAgo(client, session, 2);
      JsonObject first = chain.get(0);
      JsonObject third = chain.get(2);
      String family = familyOf(first.getString("refresh_token"));
      assertEquals(family, familyOf(third.getString("refresh_token")), "one chain, one family");
      assertNotEquals(family, familyOf(session.tokens().getString("refresh_token")));

      awaitRefreshTokens(
          grantOf(third, Duration.ZERO),
          2,
          "the rotated token beyond the retention is purged; the recently rotated one and the"
              + " current one stay");

      assertReuseRevokes(
          client,
          first,
          third,
          "its family told the reuse, which revoked the grant (RFC 9700 §4.14.2)");
      assertFalse(
          json(introspect(client, third.getString("access_token"))).getBoolean("active"),
          "the grant's access tokens too");
    }
  }

  @Test
  default void purgeWhenRotatedRefreshTokenDeletedThenInactiveAndRevokingItStillEndsTheGrant()
      throws Exception {
    JsonObject client = TestClients.register(TestClients.withRefresh());
    JsonObject other = TestClients.register(TestClients.withRefresh());
    try (SignIn.Session session = offlineSession(client)) {
      List<JsonObject> chain = chainWithFirstRotatedTwelveHoursAgo(client, session, 1);
      String old = chain.get(0).getString("refresh_token");
      JsonObject second = chain.get(1);
      awaitRefreshTokens(grantOf(second, Duration.ZERO), 1, "the rotated token is purged");

      assertEquals(
          Json.createObjectBuilder().add("active", false).build(),
          json(introspect(client, old)),
          "rotated long ago: inactive, and nothing else");
      assertEquals(
          "invalid_request",
          json(revoke(other, old, "refresh_token")).getString("error"),
          "another client's token, known by its family");
      assertTrue(
          json(introspect(client, second.getString("refresh_token"))).getBoolean("active"),
          "another client's attempt changed nothing");
      assertEquals(200, status(revoke(client, old, "refresh_token")));

      assertFalse(
          json(introspect(client, second.getString("refresh_token"))).getBoolean("active"),
          "RFC 7009 §2.1: revoking a refresh token of the grant ends the grant");
      assertFalse(json(introspect(client, second.getString("access_token"))).getBoolean("active"));
    }
  }

  @Test
  default void purgeWhenGrantBegunBeforeFamiliesThenRotatedTokenKeptWhileItsChainLivesAndReuseSeen()
      throws Exception {
    JsonObject client = TestClients.register(TestClients.withRefresh());
    try (SignIn.Session session = offlineSession(client)) {
      JsonObject first = session.tokens();
      JsonObject second = json(refresh(client, first.getString("refresh_token"), null));
      String chain = grantOf(second, Duration.ZERO);
      PastRows.forgetRefreshFamily(chain);
      // The rotated token expired two days ago (beyond the retention); its successor is in date.
      PastRows.ageRefreshToken(first.getString("refresh_token"), Duration.ofDays(32));
      // A grant aged entirely is purged by a run that started after the aging above.
      String control = grantOf(session.tokens(), Duration.ofDays(32));

      awaitRows(control, rows(0, 0, 0, 0));
      assertEquals(2, PastRows.grantRows(chain).getInt("refresh_tokens"), "both kept");

      assertReuseRevokes(
          client,
          first,
          second,
          "the reuse was recognized by its row and revoked the grant (RFC 9700 §4.14.2)");
    }
  }

  @Test
  default void refreshWhenTokenIssuedBeforeFamiliesThenRotatesWithoutOneAndItsReuseStillRevokes()
      throws Exception {
    JsonObject client = TestClients.register(TestClients.withRefresh());
    try (SignIn.Session session = offlineSession(client)) {
      String legacy = PastRows.legacyRefreshToken(session.tokens().getString("refresh_token"));

      JsonObject renewed = json(refresh(client, legacy, null));

      String next = renewed.getString("refresh_token");
      assertTrue(next.matches("[A-Za-z0-9_-]{43}"), "the chain goes on in its form: " + next);
      assertTrue(json(introspect(client, next)).getBoolean("active"));
      assertReuseRevokes(
          client,
          Json.createObjectBuilder().add("refresh_token", legacy).build(),
          renewed,
          "the reuse of the old-form token revoked the grant by its row");
    }
  }

  @Test
  default void purgeWhenGrantRevokedBeyondRetentionThenDeletedButRecentlyRevokedKept()
      throws Exception {
    JsonObject client = TestClients.register(TestClients.withRefresh());
    try (SignIn.Session session = offlineSession(client)) {
      JsonObject old = session.tokens();
      JsonObject recent = session.tokens();
      assertEquals(200, status(revoke(client, old.getString("refresh_token"), null)));
      assertEquals(200, status(revoke(client, recent.getString("refresh_token"), null)));
      assertFalse(
          json(introspect(client, recent.getString("access_token"))).getBoolean("active"),
          "the recent grant really is revoked: kept for the retention, not for being live");
      String recentGrant = grantOf(recent, Duration.ZERO);

      // Beyond the 6-hour retention set for these tests, within the 1-day default.
      String oldGrant = ageRevocation(old, Duration.ofHours(12));

      awaitRows(oldGrant, rows(0, 0, 0, 0));
      assertKept(
          () -> PastRows.grantRows(recentGrant),
          rows(1, 1, 1, 1),
          "kept for oidc.cleanup.retention after revocation");
    }
  }

  @Test
  default void purgeWhenSessionExpiredBeyondRetentionThenDeletedOthersKept() throws Exception {
    JsonObject client = TestClients.register(TestClients.withRefresh());
    String expired;
    String active;
    try (SignIn.Session one = SignIn.session(client, TestAccounts.alice(), "openid");
        SignIn.Session two = SignIn.session(client, TestAccounts.alice(), "openid")) {
      expired = sid(one.tokens());
      active = sid(two.tokens());
    }

    PastRows.ageSession(expired, Duration.ofDays(3));

    await(() -> PastRows.sessionRows(expired) == 0, "the expired session is purged");
    assertKept(() -> PastRows.sessionRows(active), 1L, "the active session");
  }

  @Test
  default void purgeWhenRevokedTokenEndedSessionStaleRequestOrOldAssertionThenDeletedOthersKept() {
    String prefix = "seed-" + System.nanoTime();
    // Seeded rows: keys are the prefix and -old (beyond the retention) or -new (within it).
    JsonObject seeded =
        json(request("/test-only/db/seed-purgeable").post(Entity.form(new Form("prefix", prefix))));
    assertEquals(4, seeded.size(), "four tables seeded: " + seeded);
    seeded.values().forEach(keys -> assertEquals("[\"-new\",\"-old\"]", keys.toString(), "seeded"));
    JsonObject kept =
        Json.createObjectBuilder()
            .add("oidc_access_token", Json.createArrayBuilder().add("-new"))
            .add("oidc_user_session", Json.createArrayBuilder().add("-new"))
            .add("oidc_pending_authorization", Json.createArrayBuilder().add("-new"))
            .add("oidc_client_assertion", Json.createArrayBuilder().add("-new"))
            .build();

    // Every rule's SELECT ... FOR UPDATE SKIP LOCKED and DELETE by key, on this database.
    await(
        () -> kept.equals(json(request("/test-only/db/seeded/" + prefix).get())),
        "only the rows within the retention are left: " + kept);
    assertKept(
        () -> json(request("/test-only/db/seeded/" + prefix).get()), kept, "the rows within it");
  }

  /**
   * The session's next tokens and {@code refreshes} rotations of them, first to last; the first
   * refresh token then moved 12 hours into the past (rotated beyond the 6-hour retention of these
   * tests, within the 1-day default, and in date for weeks more).
   */
  private static List<JsonObject> chainWithFirstRotatedTwelveHoursAgo(
      JsonObject client, SignIn.Session session, int refreshes) throws Exception {
    List<JsonObject> chain = new ArrayList<>(List.of(session.tokens()));
    for (int i = 0; i < refreshes; i++) {
      String previous = chain.get(chain.size() - 1).getString("refresh_token");
      chain.add(json(refresh(client, previous, null)));
    }
    PastRows.ageRefreshToken(chain.get(0).getString("refresh_token"), Duration.ofHours(12));
    return chain;
  }

  private static void awaitRefreshTokens(String grantId, int rows, String what) {
    await(() -> PastRows.grantRows(grantId).getInt("refresh_tokens") == rows, what);
  }

  /**
   * The rotated token is refused, and so, since its reuse revoked the grant, is the current one.
   */
  private static void assertReuseRevokes(
      JsonObject client, JsonObject rotated, JsonObject current, String why) {
    assertEquals(
        "invalid_grant",
        json(refresh(client, rotated.getString("refresh_token"), null)).getString("error"));
    assertEquals(
        "invalid_grant",
        json(refresh(client, current.getString("refresh_token"), null)).getString("error"),
        why);
  }

  /** A new user signed in at the client with offline_access, in a browser of their own. */
  private static SignIn.Session offlineSession(JsonObject client) throws java.io.IOException {
    return SignIn.session(client, TestAccounts.alice(), "openid offline_access");
  }

  /** The family a refresh token names: what comes before its dot. */
  private static String familyOf(String refreshToken) {
    assertTrue(
        refreshToken.matches("[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{54}"),
        "<family>.<secret>: " + refreshToken);
    return refreshToken.substring(0, refreshToken.indexOf('.'));
  }

  private static int status(Response response) {
    response.close();
    return response.getStatus();
  }

  private static JsonObject rows(int grant, int codes, int accessTokens, int refreshTokens) {
    return Json.createObjectBuilder()
        .add("grant", grant)
        .add("codes", codes)
        .add("access_tokens", accessTokens)
        .add("refresh_tokens", refreshTokens)
        .build();
  }

  /**
   * What {@code read} answers is {@code expected} now, and still after a whole purge run begun
   * after this one read it (every 2 s in the container tests; the server counts finished runs, and
   * a run may be under way when counting starts): kept, not merely not yet reached by a later
   * batch.
   */
  private static <T> void assertKept(Supplier<T> read, T expected, String what) {
    assertEquals(expected, read.get(), what);
    long runs = PastRows.purgeRuns();
    await(() -> PastRows.purgeRuns() >= runs + 2, "two more purge runs");
    assertEquals(expected, read.get(), what + ", after one more purge run");
  }

  private static void awaitRows(String grantId, JsonObject expected) {
    await(
        () -> expected.equals(PastRows.grantRows(grantId)),
        "grant " + grantId + " rows " + expected);
  }

  private static void await(BooleanSupplier condition, String what) {
    Eventually.await(condition, WAIT, what);
  }

  /** The grant of a token response, moved {@code by} into the past. */
  private static String grantOf(JsonObject tokens, Duration by) {
    return PastRows.ageGrant(tokens.getString("access_token"), by, PastRows.Part.ALL);
  }

  private static String ageRevocation(JsonObject tokens, Duration by) {
    return PastRows.ageGrant(tokens.getString("access_token"), by, PastRows.Part.REVOCATION);
  }

  private static String sid(JsonObject tokens) throws Exception {
    return SignedJWT.parse(tokens.getString("id_token")).getJWTClaimsSet().getStringClaim("sid");
  }
}
