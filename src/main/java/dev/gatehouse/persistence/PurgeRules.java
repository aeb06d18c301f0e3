package dev.gatehouse.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * What the purge deletes, in an order that removes a grant's codes and tokens before the grant, and
 * how it deletes: bounded batches, each its own short transaction, so that the tables do not grow
 * without bound and the purge never holds many locks at once. Each batch first locks the keys of at
 * most n rows ({@code FETCH FIRST n ROWS ONLY FOR UPDATE SKIP LOCKED}) and then deletes those rows
 * by key: a DELETE with a limited subquery would leave the planner free to run that subquery more
 * than once. Plain SQL that H2 and PostgreSQL both run.
 */
final class PurgeRules {

  /** Batches per rule in one run: a run stays short even after a long outage; the next goes on. */
  static final int MAX_BATCHES_PER_RUN = 100;

  private static final String GRANT_IS_UNUSED =
      " AND NOT EXISTS (SELECT 1 FROM oidc_access_token t WHERE t.grant_id = g.id)"
          + " AND NOT EXISTS (SELECT 1 FROM oidc_refresh_token r WHERE r.grant_id = g.id)"
          + " AND NOT EXISTS (SELECT 1 FROM oidc_authorization_code c WHERE c.grant_id = g.id)";

  private PurgeRules() {}

  /**
   * The rules, in order; {@code retryGrace} is how long after its rotation a refresh token may come
   * back as a retry ({@code oidc.token.refresh-token-reuse-grace}), which its row is kept for at
   * least.
   */
  static List<PurgeRule> all(int batchSize, Duration retryGrace) {
    // SKIP LOCKED: a purge on another instance, or a flow still using a row, is never waited for
    // (two purges do not wait for each other); what is skipped goes in a later batch or run.
    String limit = " FETCH FIRST " + batchSize + " ROWS ONLY FOR UPDATE SKIP LOCKED";
    String ofRevokedGrant = "grant_id IN (SELECT id FROM oidc_grant WHERE revoked_at < ?)";
    return List.of(
        rule("access tokens", "oidc_access_token", "jti", "expires_at < ?", limit),
        rule("revoked access tokens", "oidc_access_token", "jti", "revoked_at < ?", limit),
        rule("access tokens of revoked grants", "oidc_access_token", "jti", ofRevokedGrant, limit),
        // A refresh token goes once every refresh token of its grant has expired (plus the
        // retention), which the grant's expires_at records.
        rule(
            "refresh tokens",
            "oidc_refresh_token",
            "token_hash",
            "grant_id IN (SELECT id FROM oidc_grant WHERE expires_at < ?)",
            limit),
        rule(
            "refresh tokens of revoked grants",
            "oidc_refresh_token",
            "token_hash",
            ofRevokedGrant,
            limit),
        // A rotated one of a grant with a family goes sooner: the family, kept by the grant, still
        // tells its reuse (RFC 9700 §4.14.2) once the row is gone. Its row serves the retry grace
        // window, so it stays that long at least. Of a grant without a family (begun before
        // families existed) it stays with the chain: its row is all that tells its reuse.
        new PurgeRule(
            "rotated refresh tokens",
            "oidc_refresh_token",
            List.of("token_hash"),
            "SELECT token_hash FROM oidc_refresh_token WHERE consumed_at < ? AND grant_id IN"
                + " (SELECT id FROM oidc_grant WHERE refresh_family_hash IS NOT NULL)"
                + limit,
            retryGrace),
        rule(
            "authorization codes", "oidc_authorization_code", "code_hash", "expires_at < ?", limit),
        rule(
            "codes of revoked grants",
            "oidc_authorization_code",
            "code_hash",
            ofRevokedGrant,
            limit),
        // A grant goes once nothing refers to it: revoked long enough, or its last refresh token
        // (its creation, if none) long past and all its codes and tokens gone (nothing can be
        // issued from it any more). A live refresh chain keeps it out of the candidates.
        rule(
            "grants",
            "oidc_grant g",
            "id",
            "(g.revoked_at < ? OR g.expires_at < ?)" + GRANT_IS_UNUSED,
            limit),
        rule("sessions", "oidc_user_session", "id_hash", "expires_at < ? OR ended_at < ?", limit),
        rule(
            "pending authorization requests",
            "oidc_pending_authorization",
            "id",
            "expires_at < ?",
            limit),
        new PurgeRule(
            "client assertion jti values",
            "oidc_client_assertion",
            List.of("client_id", "jti_hash"),
            "SELECT client_id, jti_hash FROM oidc_client_assertion WHERE expires_at < ?" + limit));
  }

  /** A rule keyed by one column; {@code from} may carry an alias that the condition uses. */
  private static PurgeRule rule(
      String name, String from, String key, String condition, String limit) {
    String table = from.split(" ")[0];
    return new PurgeRule(
        name,
        table,
        List.of(key),
        "SELECT " + key + " FROM " + from + " WHERE " + condition + limit);
  }

  /**
   * Runs one batch of a rule on a connection, in the caller's transaction: locks the keys of at
   * most a batch of rows, then deletes exactly those; returns the number of rows deleted.
   */
  static int deleteBatch(Connection connection, PurgeRule rule, Instant cutoff)
      throws SQLException {
    List<Object> keys = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(rule.select())) {
      for (int i = 1; i <= rule.parameterCount(); i++) {
        select.setObject(i, cutoff.atOffset(ZoneOffset.UTC));
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          for (int column = 1; column <= rule.key().size(); column++) {
            keys.add(rows.getObject(column));
          }
        }
      }
    }
    if (keys.isEmpty()) {
      return 0;
    }
    int rows = keys.size() / rule.key().size();
    try (PreparedStatement delete = connection.prepareStatement(rule.delete(rows))) {
      for (int i = 0; i < keys.size(); i++) {
        delete.setObject(i + 1, keys.get(i));
      }
      return delete.executeUpdate();
    }
  }

  /**
   * Runs batches until one deletes fewer rows than a full batch, or {@link #MAX_BATCHES_PER_RUN}
   * have run; returns the rows deleted.
   */
  static int drain(IntSupplier batch, int batchSize) {
    int total = 0;
    for (int i = 0; i < MAX_BATCHES_PER_RUN; i++) {
      int deleted = batch.getAsInt();
      total += deleted;
      if (deleted < batchSize) {
        break;
      }
    }
    return total;
  }
}
