package dev.gatehouse.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** V12 on grants made before it: those whose code row is still stored learn its hash from it. */
class GrantCodeMigrationTest {

  @Test
  void migrateWhenCodeRowStoredThenGrantRecordsItsHashAndOthersNone() throws SQLException {
    String url = "jdbc:h2:mem:v12-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    migrate(url, "11");
    try (Connection db = DriverManager.getConnection(url, "sa", "")) {
      grant(db, "with-code");
      grant(db, "code-purged");
      try (PreparedStatement code =
          db.prepareStatement(
              "INSERT INTO oidc_authorization_code (code_hash, grant_id, client_id, redirect_uri,"
                  + " max_age_sent, expires_at) VALUES ('hash-of-code', 'with-code', 'client',"
                  + " 'https://app/cb', FALSE, CURRENT_TIMESTAMP)")) {
        code.executeUpdate();
      }

      migrate(url, "latest");

      assertEquals("hash-of-code", codeHash(db, "with-code"));
      assertNull(codeHash(db, "code-purged"));
      db.createStatement().execute("SHUTDOWN");
    }
  }

  private static void migrate(String url, String target) {
    Flyway.configure()
        .dataSource(url, "sa", "")
        .locations("classpath:db/migration")
        .target(target)
        .load()
        .migrate();
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
