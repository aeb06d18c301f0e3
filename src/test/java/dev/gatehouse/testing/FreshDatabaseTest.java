package dev.gatehouse.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The unit tests of SQL run on the database the build is for (unit.db.product, set by the Maven
 * profile apart from the unit.db switch FreshDatabase reads: H2 by default, PostgreSQL in the
 * postgresql profile), not on H2 by a wiring slip; and a database is gone once closed.
 */
@Tag(FreshDatabase.TAG)
class FreshDatabaseTest {

  @Test
  void connectWhenBuiltForADatabaseThenItIsThatOne() throws SQLException {
    try (FreshDatabase database = new FreshDatabase("probe");
        Connection connection = database.connect()) {
      assertEquals(
          System.getProperty("unit.db.product", "H2"),
          connection.getMetaData().getDatabaseProductName());
    }
  }

  @Test
  void closeWhenDoneThenItsTablesAreGone() throws SQLException {
    FreshDatabase database = new FreshDatabase("gone");
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.executeQuery("SELECT COUNT(*) FROM oidc_grant").close();
    }

    database.close();

    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      assertThrows(
          SQLException.class, () -> statement.executeQuery("SELECT COUNT(*) FROM oidc_grant"));
      if (!database.isPostgres()) {
        statement.execute("SHUTDOWN"); // the empty database this connection made
      }
    }
  }
}
