package dev.gatehouse.accounts;

import static dev.gatehouse.protocol.JsonSupport.JSON;

import dev.gatehouse.config.AccountSettings;
import dev.gatehouse.config.DatabaseSettings;
import dev.gatehouse.config.ProviderSettings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

/**
 * Creates the documented demo user on the embedded H2 database with a local issuer, so the run
 * command is usable at once. Never on a server datasource, and never for a public issuer (a
 * container started on the embedded default behind a real host name must not offer demo/demo): no
 * other setup creates a default user.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class DemoUser {

  private static final Logger LOG = Logger.getLogger(DemoUser.class.getName());

  @Inject DatabaseSettings database;
  @Inject ProviderSettings provider;
  @Inject AccountSettings settings;
  @Inject AccountService accounts;
  @Inject AccountRepository repository;

  @PostConstruct
  void createOnEmbeddedDatabase() {
    if (!wanted(database.isEmbedded(), provider)) {
      if (database.isEmbedded()) {
        LOG.warning(
            "The embedded database is in use with a public issuer: no demo user is created."
                + " Use PostgreSQL (see server-config/) for anything beyond a local trial.");
      }
      return;
    }
    String username = settings.demoUsername();
    if (repository.findByUsername(username).isEmpty()) {
      accounts.create(
          username,
          settings.demoPassword(),
          JSON.createObjectBuilder()
              .add("name", "Demo User")
              .add("given_name", "Demo")
              .add("family_name", "User")
              .add("email", "demo@example.com")
              .add("email_verified", true)
              .add("locale", "en")
              .build(),
          List.of("users"));
    }
    LOG.warning(
        () ->
            "Demo user '"
                + username
                + "' is available (embedded database only; see oidc.accounts.demo-user.*)."
                + " Do not use the embedded database in production.");
  }

  /** The demo user exists only for a local run: the embedded database and a loopback issuer. */
  static boolean wanted(boolean embeddedDatabase, ProviderSettings provider) {
    return embeddedDatabase && provider.isLocal();
  }
}
