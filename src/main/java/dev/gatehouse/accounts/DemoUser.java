package dev.gatehouse.accounts;

import static dev.gatehouse.protocol.JsonSupport.JSON;

import dev.gatehouse.config.AccountSettings;
import dev.gatehouse.config.DatabaseSettings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

/**
 * Creates the documented demo user on the embedded H2 database, so the run command is usable at
 * once. Never on a server datasource: no other setup creates a default user.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class DemoUser {

  private static final Logger LOG = Logger.getLogger(DemoUser.class.getName());

  @Inject DatabaseSettings database;
  @Inject AccountSettings settings;
  @Inject AccountService accounts;
  @Inject AccountRepository repository;

  @PostConstruct
  void createOnEmbeddedDatabase() {
    if (!database.isEmbedded()) {
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
}
