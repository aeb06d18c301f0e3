package dev.gatehouse.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.testing.FreshDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The purge rules against the real schema (Flyway migrations on in-memory H2, and on PostgreSQL in
 * the postgresql profile): what goes, what stays, bounded batches, locked rows skipped. The
 * container tests run the same rules through the timer on H2 and PostgreSQL.
 */
@Tag(FreshDatabase.TAG)
class PurgeRulesTest {

  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  static final Duration RETENTION = Duration.ofDays(1);
  static final Instant CUTOFF = NOW.minus(RETENTION);
  static final Instant LONG_AGO = NOW.minus(Duration.ofDays(2));
  static final Instant RECENTLY = NOW.minus(Duration.ofHours(1));
  static final Instant SOON = NOW.plus(Duration.ofMinutes(5));

  private FreshDatabase database;
  private Connection db;

  @BeforeEach
  void migrate() throws SQLException {
    database = new FreshDatabase("purge");
    db = database.connect();
  }

  @AfterEach
  void close() throws SQLException {
    try (FreshDatabase dropped = database) {
      if (db != null) {
        db.close();
      }
    }
  }

  @Test
  void purgeWhenExpiredBeyondRetentionThenDeletedAndLiveOrRecentKept() throws SQLException {
    grant("live", LONG_AGO, null);
    accessToken("old", "live", LONG_AGO, null);
    accessToken("current", "live", SOON, null);
    accessToken("expired-recently", "live", RECENTLY, null);
    refreshToken("rotated", "live", NOW.plus(Duration.ofDays(29)), LONG_AGO);
    grant("ended", LONG_AGO, null);
    refreshToken("expired", "ended", LONG_AGO, null);
    code("used", "live", LONG_AGO);

    purgeAll(500);

    assertEquals(List.of("current", "expired-recently"), keys("oidc_access_token", "jti"));
    assertEquals(
        List.of("rotated"),
        keys("oidc_refresh_token", "token_hash"),
        "a rotated refresh token of a grant without a family (legacy) stays until it expires, so"
            + " that its reuse is detected");
    assertEquals(List.of(), keys("oidc_authorization_code", "code_hash"));
    assertEquals(List.of("live"), keys("oidc_grant", "id"));
  }

  @Test
  void purgeWhenRotatedTokenExpiredButItsSuccessorIsInDateThenKeptUntilTheWholeChainExpired()
      throws SQLException {
    grant("chain", LONG_AGO, null);
    refreshToken("first", "chain", LONG_AGO, LONG_AGO);
    refreshToken("second", "chain", NOW.plus(Duration.ofDays(20)), null);
    grant("ended-chain", LONG_AGO, null);
    refreshToken("ended-first", "ended-chain", LONG_AGO, LONG_AGO);
    refreshToken("ended-second", "ended-chain", LONG_AGO, null);

    purgeAll(500);

    assertEquals(
        List.of("first", "second"),
        keys("oidc_refresh_token", "token_hash"),
        "the expired rotated token stays while its grant has a refresh token in date (reuse"
            + " detection); a chain that has ended entirely goes");
    assertEquals(List.of("chain"), keys("oidc_grant", "id"));
  }

  @Test
  void purgeWhenRotatedTokenOfFamilyOlderThanRetentionThenDeletedButOfLegacyChainKept()
      throws SQLException {
    grantWithFamily("family", LONG_AGO);
    refreshToken("f-rotated-long-ago", "family", NOW.plus(Duration.ofDays(20)), LONG_AGO);
    refreshToken("f-rotated-recently", "family", NOW.plus(Duration.ofDays(25)), RECENTLY);
    refreshToken("f-current", "family", NOW.plus(Duration.ofDays(30)), null);
    grant("legacy", LONG_AGO, null);
    refreshToken("l-rotated-long-ago", "legacy", NOW.plus(Duration.ofDays(20)), LONG_AGO);
    refreshToken("l-current", "legacy", NOW.plus(Duration.ofDays(30)), null);

    purgeAll(500);

    assertEquals(
        List.of("f-current", "f-rotated-recently", "l-current", "l-rotated-long-ago"),
        keys("oidc_refresh_token", "token_hash"),
        "a family's rotated tokens go after the retention (the family tells their reuse); a"
            + " legacy chain keeps its rotated tokens, whose rows alone tell their reuse");
    assertEquals(List.of("family", "legacy"), keys("oidc_grant", "id"));
  }

  /** A retention shorter than the grace window (at most a minute), down to none at all. */
  @Test
  void purgeWhenRetryGraceLongerThanRetentionThenRotatedTokenKeptForTheGrace() throws SQLException {
    grantWithFamily("family", LONG_AGO);
    refreshToken("rotated", "family", NOW.plus(Duration.ofDays(20)), NOW.minusSeconds(30));
    refreshToken("current", "family", NOW.plus(Duration.ofDays(30)), null);

    purgeAll(500, Duration.ofMinutes(1), Duration.ZERO);

    assertEquals(
        List.of("current", "rotated"),
        keys("oidc_refresh_token", "token_hash"),
        "within the retry grace window a retry needs the rotated row");

    purgeAll(500, Duration.ofSeconds(20), Duration.ZERO);

    assertEquals(List.of("current"), keys("oidc_refresh_token", "token_hash"));
  }

  @Test
  void cutoffWhenMinimumAgeLongerThanRetentionThenTheEarlierOne() {
    PurgeRule rule =
        new PurgeRule("t", "oidc_x", List.of("k"), "SELECT k FROM oidc_x", Duration.ofDays(3));

    assertEquals(NOW.minus(Duration.ofDays(3)), rule.cutoff(NOW, CUTOFF));
    assertEquals(
        CUTOFF,
        new PurgeRule("t", "oidc_x", List.of("k"), "SELECT k FROM oidc_x").cutoff(NOW, CUTOFF));
    assertEquals(
        CUTOFF,
        new PurgeRule("t", "oidc_x", List.of("k"), "SELECT k FROM oidc_x", Duration.ofHours(1))
            .cutoff(NOW, CUTOFF));
  }

  @Test
  void purgeWhenGrantRevokedBeyondRetentionThenGrantAndAllItsRowsDeleted() throws SQLException {
    grant("revoked-long-ago", RECENTLY, LONG_AGO);
    accessToken("a1", "revoked-long-ago", SOON, null);
    refreshToken("r1", "revoked-long-ago", NOW.plus(Duration.ofDays(30)), null);
    code("c1", "revoked-long-ago", SOON);
    grant("revoked-recently", RECENTLY, RECENTLY);
    accessToken("a2", "revoked-recently", SOON, null);
    refreshToken("r2", "revoked-recently", NOW.plus(Duration.ofDays(30)), null);

    purgeAll(500);

    assertEquals(List.of("revoked-recently"), keys("oidc_grant", "id"));
    assertEquals(List.of("a2"), keys("oidc_access_token", "jti"));
    assertEquals(List.of("r2"), keys("oidc_refresh_token", "token_hash"));
    assertEquals(List.of(), keys("oidc_authorization_code", "code_hash"));
  }

  @Test
  void purgeWhenAccessTokenRevokedAloneThenDeletedAfterRetention() throws SQLException {
    grant("g", RECENTLY, null);
    accessToken("revoked-long-ago", "g", SOON, LONG_AGO);
    accessToken("revoked-recently", "g", SOON, RECENTLY);

    purgeAll(500);

    assertEquals(List.of("revoked-recently"), keys("oidc_access_token", "jti"));
    assertEquals(List.of("g"), keys("oidc_grant", "id"));
  }

  @Test
  void purgeWhenGrantUnusedThenDeletedOnlyOnceOlderThanRetention() throws SQLException {
    grant("old-and-empty", LONG_AGO, null);
    grant("new-and-empty", RECENTLY, null);

    purgeAll(500);

    assertEquals(List.of("new-and-empty"), keys("oidc_grant", "id"));
  }

  @Test
  void purgeWhenOldGrantStillHasLiveRefreshTokenOrCodeThenKept() throws SQLException {
    grant("offline", LONG_AGO, null);
    accessToken("expired", "offline", LONG_AGO, null);
    refreshToken("live", "offline", NOW.plus(Duration.ofDays(20)), null);
    grant("code-pending", LONG_AGO, null);
    code("unredeemed", "code-pending", SOON);

    purgeAll(500);

    assertEquals(List.of("code-pending", "offline"), keys("oidc_grant", "id"));
    assertEquals(List.of("live"), keys("oidc_refresh_token", "token_hash"));
    assertEquals(List.of("unredeemed"), keys("oidc_authorization_code", "code_hash"));
  }

  /**
   * A client_credentials grant ends when it is made (it yields no refresh token), so with a
   * retention shorter than the access-token lifetime only its live access token keeps it, and so
   * keeps that token active.
   */
  @Test
  void purgeWhenOldGrantStillHasLiveAccessTokenThenKept() throws SQLException {
    grant("client-credentials", LONG_AGO, null);
    accessToken("live", "client-credentials", SOON, null);

    purgeAll(500);

    assertEquals(List.of("client-credentials"), keys("oidc_grant", "id"));
    assertEquals(List.of("live"), keys("oidc_access_token", "jti"));
  }

  @Test
  void purgeWhenSessionsRequestsAndAssertionsExpiredOrEndedThenDeleted() throws SQLException {
    session("expired", LONG_AGO, null);
    session("ended-long-ago", SOON, LONG_AGO);
    session("ended-recently", SOON, RECENTLY);
    session("active", SOON, null);
    insert("INSERT INTO oidc_pending_authorization VALUES (?, '{}', ?)", "stale", LONG_AGO);
    insert("INSERT INTO oidc_pending_authorization VALUES (?, '{}', ?)", "waiting", SOON);
    insert("INSERT INTO oidc_client_assertion VALUES ('c', ?, ?)", "old-jti", LONG_AGO);
    insert("INSERT INTO oidc_client_assertion VALUES ('c', ?, ?)", "new-jti", SOON);

    purgeAll(500);

    assertEquals(List.of("active", "ended-recently"), keys("oidc_user_session", "id_hash"));
    assertEquals(List.of("waiting"), keys("oidc_pending_authorization", "id"));
    assertEquals(List.of("new-jti"), keys("oidc_client_assertion", "jti_hash"));
  }

  @Test
  void purgeWhenMoreRowsThanBatchThenSeveralBoundedBatchesDeleteThemAll() throws SQLException {
    grant("g", RECENTLY, null);
    for (int i = 0; i < 25; i++) {
      accessToken("expired-" + i, "g", LONG_AGO, null);
    }
    PurgeRule accessTokens = PurgeRules.all(7, Duration.ZERO).get(0);
    List<Integer> batches = new ArrayList<>();

    int deleted = PurgeRules.drain(() -> recorded(batches, accessTokens), 7);

    assertEquals(25, deleted);
    assertEquals(List.of(7, 7, 7, 4), batches, "each DELETE is bounded by the batch size");
    assertEquals(List.of(), keys("oidc_access_token", "jti"));
  }

  @Test
  void drainWhenEveryBatchFullThenStopsAtMaxBatchesPerRun() {
    AtomicInteger calls = new AtomicInteger();

    int deleted = PurgeRules.drain(() -> calls.incrementAndGet() > 0 ? 10 : 0, 10);

    assertEquals(PurgeRules.MAX_BATCHES_PER_RUN, calls.get());
    assertEquals(10 * PurgeRules.MAX_BATCHES_PER_RUN, deleted);
  }

  @Test
  void drainWhenNothingToDeleteThenOneBatch() {
    AtomicInteger calls = new AtomicInteger();

    assertEquals(0, PurgeRules.drain(() -> calls.incrementAndGet() * 0, 10));
    assertEquals(1, calls.get());
  }

  @Test
  void rulesWhenBuiltThenEveryDeleteIsBoundedAndTakesTheCutoff() {
    for (PurgeRule rule : PurgeRules.all(42, Duration.ZERO)) {
      assertTrue(
          rule.select().contains("FETCH FIRST 42 ROWS ONLY FOR UPDATE SKIP LOCKED"), rule.name());
      assertTrue(rule.parameterCount() >= 1, rule.name());
    }
  }

  @Test
  void purgeWhenRowLockedByAnotherTransactionThenSkippedWithoutWaitingAndDeletedLater()
      throws SQLException {
    grant("live", LONG_AGO, null);
    accessToken("held", "live", LONG_AGO, null);
    accessToken("free", "live", LONG_AGO, null);
    try (Connection other = database.connect()) {
      other.setAutoCommit(false);
      // Another instance's purge (or any transaction) holds one expired row.
      try (PreparedStatement hold =
          other.prepareStatement("SELECT jti FROM oidc_access_token WHERE jti = ? FOR UPDATE")) {
        hold.setString(1, "held");
        hold.executeQuery().close();
      }
      db.createStatement().execute(database.lockTimeout(10_000));
      long started = System.nanoTime();

      purgeAll(500);

      assertTrue(
          Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(5)) < 0,
          "did not wait for the lock");
      assertEquals(List.of("held"), keys("oidc_access_token", "jti"), "the free row went");
      other.rollback();
    }
    purgeAll(500);
    assertEquals(List.of(), keys("oidc_access_token", "jti"), "the next run takes the rest");
  }

  @Test
  void deleteWhenOneOrTwoKeyColumnsThenRowsBoundByKey() {
    PurgeRule single = new PurgeRule("t", "oidc_x", List.of("k"), "SELECT k FROM oidc_x");
    PurgeRule pair = new PurgeRule("t", "oidc_y", List.of("a", "b"), "SELECT a, b FROM oidc_y");

    assertEquals("DELETE FROM oidc_x WHERE k IN (?, ?, ?)", single.delete(3));
    assertEquals("DELETE FROM oidc_y WHERE (a, b) IN ((?, ?), (?, ?))", pair.delete(2));
  }

  /** One batch in a transaction of its own, as the server runs it (PurgeService). */
  private int recorded(List<Integer> batches, PurgeRule rule) {
    return recorded(batches, rule, CUTOFF);
  }

  private int recorded(List<Integer> batches, PurgeRule rule, Instant cutoff) {
    try {
      db.setAutoCommit(false);
      int n = PurgeRules.deleteBatch(db, rule, cutoff);
      db.commit();
      db.setAutoCommit(true);
      batches.add(n);
      return n;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void purgeAll(int batchSize) throws SQLException {
    purgeAll(batchSize, Duration.ZERO);
  }

  /** One run at NOW with the retention's cutoff, as ExpiredRowPurger runs it. */
  private void purgeAll(int batchSize, Duration retryGrace) throws SQLException {
    purgeAll(batchSize, retryGrace, RETENTION);
  }

  private void purgeAll(int batchSize, Duration retryGrace, Duration retention)
      throws SQLException {
    for (PurgeRule rule : PurgeRules.all(batchSize, retryGrace)) {
      Instant cutoff = rule.cutoff(NOW, NOW.minus(retention));
      PurgeRules.drain(() -> recorded(new ArrayList<>(), rule, cutoff), batchSize);
    }
  }

  /** A grant whose refresh tokens are of a family (all but those issued before families). */
  private void grantWithFamily(String id, Instant created) throws SQLException {
    grant(id, created, null);
    insert("UPDATE oidc_grant SET refresh_family_hash = ? WHERE id = ?", "family-of-" + id, id);
  }

  private void grant(String id, Instant created, Instant revoked) throws SQLException {
    insert(
        "INSERT INTO oidc_grant (id, subject, client_id, scope, auth_time, created_at, revoked_at,"
            + " expires_at) VALUES (?, 'sub', 'client', 'openid', ?, ?, ?, ?)",
        id,
        created,
        created,
        revoked,
        created);
  }

  private void accessToken(String jti, String grant, Instant expires, Instant revoked)
      throws SQLException {
    insert(
        "INSERT INTO oidc_access_token (jti, grant_id, client_id, expires_at, revoked_at)"
            + " VALUES (?, ?, 'client', ?, ?)",
        jti,
        grant,
        expires,
        revoked);
  }

  private void refreshToken(String hash, String grant, Instant expires, Instant consumed)
      throws SQLException {
    insert(
        "INSERT INTO oidc_refresh_token (token_hash, grant_id, client_id, scope, expires_at,"
            + " consumed_at) VALUES (?, ?, 'client', 'openid', ?, ?)",
        hash,
        grant,
        expires,
        consumed);
    // As the token issuer does: the grant lives as long as its last refresh token.
    insert(
        "UPDATE oidc_grant SET expires_at = GREATEST(expires_at, ?) WHERE id = ?", expires, grant);
  }

  private void code(String hash, String grant, Instant expires) throws SQLException {
    insert(
        "INSERT INTO oidc_authorization_code (code_hash, grant_id, client_id, redirect_uri,"
            + " max_age_sent, expires_at) VALUES (?, ?, 'client', 'https://app/cb', FALSE, ?)",
        hash,
        grant,
        expires);
  }

  private void session(String hash, Instant expires, Instant ended) throws SQLException {
    insert(
        "INSERT INTO oidc_user_session (id_hash, sid, subject, auth_time, expires_at, ended_at)"
            + " VALUES (?, 'sid', 'sub', ?, ?, ?)",
        hash,
        LONG_AGO,
        expires,
        ended);
  }

  private void insert(String sql, Object... values) throws SQLException {
    try (PreparedStatement insert = db.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        Object value = values[i];
        insert.setObject(
            i + 1, value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value);
      }
      insert.executeUpdate();
    }
  }

  private List<String> keys(String table, String key) throws SQLException {
    List<String> keys = new ArrayList<>();
    try (PreparedStatement select = db.prepareStatement("SELECT " + key + " FROM " + table);
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        keys.add(rows.getString(1));
      }
    }
    // Sorted here: a database's collation may order hyphens otherwise.
    keys.sort(null);
    return keys;
  }
}
