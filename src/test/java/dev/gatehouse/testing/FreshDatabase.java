package dev.gatehouse.testing;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh database migrated by Flyway, for the unit tests of SQL: in-memory H2 by default; under
 * {@code -Dunit.db=postgresql} (the postgresql Maven profile, which runs the tests tagged {@value
 * #TAG}) a schema of its own in the PostgreSQL database the {@code GATEHOUSE_PG_*} variables name,
 * as the server's datasource does (server-config), dropped on {@link #close}.
 */
public final class FreshDatabase implements AutoCloseable {

  /** The JUnit tag of the tests that run on PostgreSQL too. */
  public static final String TAG = "database";

  private static final SecureRandom RANDOM = new SecureRandom();

  /** How long a statement waits for a row lock before it fails, on either database. */
  public static final int LOCK_TIMEOUT_MILLIS = 5000;

  private final boolean postgres;
  private final String url;
  private final String user;
  private final String password;
  private final String schema;

  public FreshDatabase(String prefix) {
    this(prefix, "latest");
  }

  /** A database migrated up to the version {@code target} ("latest": all migrations). */
  public FreshDatabase(String prefix, String target) {
    postgres = "postgresql".equals(System.getProperty("unit.db"));
    byte[] suffix = new byte[6];
    RANDOM.nextBytes(suffix);
    String name = prefix.toLowerCase(Locale.ROOT) + "_" + HexFormat.of().formatHex(suffix);
    if (postgres) {
      schema = name;
      url =
          "jdbc:postgresql://"
              + env("GATEHOUSE_PG_HOST", "127.0.0.1")
              + ":"
              + env("GATEHOUSE_PG_PORT", "5432")
              + "/"
              + env("GATEHOUSE_PG_DB", "gatehouse")
              + "?currentSchema="
              + schema
              + "&options=-c%20lock_timeout="
              + LOCK_TIMEOUT_MILLIS;
      user = env("GATEHOUSE_PG_USER", "gatehouse");
      password = env("GATEHOUSE_PG_PASSWORD", "gatehouse");
    } else {
      schema = null;
      url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=" + LOCK_TIMEOUT_MILLIS;
      user = "sa";
      password = "";
    }
    try {
      migrate(target);
    } catch (RuntimeException e) {
      // The schema Flyway created is not left behind.
      close();
      throw e;
    }
  }

  /** Runs the migrations up to the version {@code target} ("latest": all of them). */
  public void migrate(String target) {
    Flyway.configure()
        .dataSource(url, user, password)
        .schemas(postgres ? new String[] {schema} : new String[0])
        .locations("classpath:db/migration")
        .target(target)
        .load()
        .migrate();
  }

  public boolean isPostgres() {
    return postgres;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  public DataSource dataSource() {
    if (postgres) {
      PGSimpleDataSource dataSource = new PGSimpleDataSource();
      dataSource.setUrl(url);
      dataSource.setUser(user);
      dataSource.setPassword(password);
      return dataSource;
    }
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(url);
    dataSource.setUser(user);
    dataSource.setPassword(password);
    return dataSource;
  }

  /** The statement that makes this connection wait at most this long for a row lock. */
  public String lockTimeout(int millis) {
    return postgres ? "SET lock_timeout = " + millis : "SET LOCK_TIMEOUT " + millis;
  }

  @Override
  public void close() {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute(postgres ? "DROP SCHEMA IF EXISTS " + schema + " CASCADE" : "SHUTDOWN");
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop the test database", e);
    }
  }

  private static String env(String name, String otherwise) {
    String value = System.getenv(name);
    return value == null || value.isEmpty() ? otherwise : value;
  }
}
