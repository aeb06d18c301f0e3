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
 */
@DataSourceDefinition(
    name = DatabaseSettings.EMBEDDED_JNDI_NAME,
    className = "org.h2.jdbcx.JdbcDataSource",
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
