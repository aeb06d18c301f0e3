package dev.gatehouse.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The unit tests of SQL run on the database asked for (-Dunit.db: H2 by default, PostgreSQL in the
 * postgresql profile), not on H2 by a wiring slip; and each database is gone once closed.
 */
@Tag(FreshDatabase.TAG)
class FreshDatabaseTest {

  @Test
  void connectWhenAskedForADatabaseThenItIsThatOne() throws SQLException {
    String expected =
        "postgresql".equals(System.getProperty("unit.db", "h2")) ? "PostgreSQL" : "H2";
    try (FreshDatabase database = new FreshDatabase("probe");
        Connection connection = database.connect()) {
      assertEquals(expected, connection.getMetaData().getDatabaseProductName());
      assertEquals(expected.equals("PostgreSQL"), database.isPostgres());
    }
  }
}
