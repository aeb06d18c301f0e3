package dev.gatehouse.persistence;

import dev.gatehouse.config.DatabaseSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema to the current version with Flyway at start, before any other bean uses the
 * database. Also defines the embedded H2 datasource that is the default {@code oidc.db.jndi-name}.
 *
 * <p>The datasource class is H2's {@code Driver}, so the pool holds plain local connections that
 * the server enlists in JTA transactions (the database is the only resource). With H2's XA data
 * source, each use wrapped the physical connection in a new handle, and every statement close
 * re-read the query timeout with a query of its own: the benchmark measured about 1.5 times the
 * token throughput and twice the introspection throughput without it.
 */
@DataSourceDefinition(
    name = DatabaseSettings.EMBEDDED_JNDI_NAME,
    className = "org.h2.Driver",
    url = "${MPCONFIG=oidc.db.embedded.url}",
    user = "${MPCONFIG=oidc.db.embedded.user}",
    password = "${MPCONFIG=oidc.db.embedded.password}",
    minPoolSize = 1,
    maxPoolSize = 32)
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseMigration {

  private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

  @Inject DatabaseSettings settings;

  @PostConstruct
  void migrate() {
    DataSource dataSource = DataSources.lookup(settings.jndiName());
    MigrateResult result =
        Flyway.configure(getClass().getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .load()
            .migrate();
    LOG.info(
        () ->
            "Database schema at version "
                + (result.targetSchemaVersion == null
                    ? result.initialSchemaVersion
                    : result.targetSchemaVersion)
                + " ("
                + result.migrationsExecuted
                + " migrations applied) on "
                + settings.jndiName());
  }
}
