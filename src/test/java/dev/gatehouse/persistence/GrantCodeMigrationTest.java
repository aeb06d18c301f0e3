package dev.gatehouse.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.gatehouse.testing.FreshDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** V12 on grants made before it: those whose code row is still stored learn its hash from it. */
@Tag(FreshDatabase.TAG)
class GrantCodeMigrationTest {

  @Test
  void migrateWhenCodeRowStoredThenGrantRecordsItsHashAndOthersNone() throws SQLException {
    try (FreshDatabase database = new FreshDatabase("v12", "11");
        Connection db = database.connect()) {
      grant(db, "with-code");
      grant(db, "code-purged");
      try (PreparedStatement code =
          db.prepareStatement(
              "INSERT INTO oidc_authorization_code (code_hash, grant_id, client_id, redirect_uri,"
                  + " max_age_sent, expires_at) VALUES ('hash-of-code', 'with-code', 'client',"
                  + " 'https://app/cb', FALSE, CURRENT_TIMESTAMP)")) {
        code.executeUpdate();
      }

      database.migrate("latest");

      assertEquals("hash-of-code", codeHash(db, "with-code"));
      assertNull(codeHash(db, "code-purged"));
    }
  }

  private static void grant(Connection db, String id) throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO oidc_grant (id, subject, client_id, scope, auth_time, created_at,"
                + " expires_at) VALUES (?, 'sub', 'client', 'openid', CURRENT_TIMESTAMP,"
                + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
      insert.setString(1, id);
      insert.executeUpdate();
    }
  }

  private static String codeHash(Connection db, String id) throws SQLException {
    try (PreparedStatement select =
        db.prepareStatement("SELECT code_hash FROM oidc_grant WHERE id = ?")) {
      select.setString(1, id);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getString(1);
      }
    }
  }
}
