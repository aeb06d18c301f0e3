package dev.gatehouse.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * What the purge deletes, in an order that removes a grant's codes and tokens before the grant, and
 * how it deletes: bounded batches, each its own short transaction, so that the tables do not grow
 * without bound and the purge never holds many locks at once. Plain SQL that H2 and PostgreSQL both
 * run ({@code FETCH FIRST n ROWS ONLY FOR UPDATE SKIP LOCKED} in a subquery).
 */
final class PurgeRules {

  /** Batches per rule in one run: a run stays short even after a long outage; the next goes on. */
  static final int MAX_BATCHES_PER_RUN = 100;

  private static final String GRANT_IS_UNUSED =
      " AND NOT EXISTS (SELECT 1 FROM oidc_access_token t WHERE t.grant_id = g.id)"
          + " AND NOT EXISTS (SELECT 1 FROM oidc_refresh_token r WHERE r.grant_id = g.id)"
          + " AND NOT EXISTS (SELECT 1 FROM oidc_authorization_code c WHERE c.grant_id = g.id)";

  private PurgeRules() {}

  static List<PurgeRule> all(int batchSize) {
    // SKIP LOCKED: a purge on another instance, or a flow still using a row, is never waited for
    // (two purges do not wait for each other); what is skipped goes in a later batch or run.
    String limit = " FETCH FIRST " + batchSize + " ROWS ONLY FOR UPDATE SKIP LOCKED)";
    return List.of(
        expired("access tokens", "oidc_access_token", "jti", "expires_at < ?", limit),
        expired("revoked access tokens", "oidc_access_token", "jti", "revoked_at < ?", limit),
        ofRevokedGrants("access tokens of revoked grants", "oidc_access_token", "jti", limit),
        expired("refresh tokens", "oidc_refresh_token", "token_hash", "expires_at < ?", limit),
        ofRevokedGrants(
            "refresh tokens of revoked grants", "oidc_refresh_token", "token_hash", limit),
        expired(
            "authorization codes", "oidc_authorization_code", "code_hash", "expires_at < ?", limit),
        ofRevokedGrants("codes of revoked grants", "oidc_authorization_code", "code_hash", limit),
        // A grant goes once nothing refers to it: revoked long enough, or created long ago and all
        // its codes and tokens gone (nothing can be issued from it any more).
        new PurgeRule(
            "grants",
            "DELETE FROM oidc_grant WHERE id IN (SELECT g.id FROM oidc_grant g"
                + " WHERE (g.revoked_at < ? OR g.created_at < ?)"
                + GRANT_IS_UNUSED
                + limit),
        expired(
            "sessions", "oidc_user_session", "id_hash", "expires_at < ? OR ended_at < ?", limit),
        expired(
            "pending authorization requests",
            "oidc_pending_authorization",
            "id",
            "expires_at < ?",
            limit),
        new PurgeRule(
            "client assertion jti values",
            "DELETE FROM oidc_client_assertion WHERE (client_id, jti_hash) IN"
                + " (SELECT client_id, jti_hash FROM oidc_client_assertion WHERE expires_at < ?"
                + limit));
  }

  private static PurgeRule expired(
      String name, String table, String key, String condition, String limit) {
    return new PurgeRule(
        name,
        "DELETE FROM "
            + table
            + " WHERE "
            + key
            + " IN (SELECT "
            + key
            + " FROM "
            + table
            + " WHERE "
            + condition
            + limit);
  }

  private static PurgeRule ofRevokedGrants(String name, String table, String key, String limit) {
    return new PurgeRule(
        name,
        "DELETE FROM "
            + table
            + " WHERE "
            + key
            + " IN (SELECT "
            + key
            + " FROM "
            + table
            + " WHERE grant_id IN (SELECT id FROM oidc_grant WHERE revoked_at < ?)"
            + limit);
  }

  /** Runs one batch of a rule on a connection; returns the number of rows deleted. */
  static int deleteBatch(Connection connection, PurgeRule rule, Instant cutoff)
      throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement(rule.sql())) {
      for (int i = 1; i <= rule.parameterCount(); i++) {
        delete.setObject(i, cutoff.atOffset(ZoneOffset.UTC));
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
