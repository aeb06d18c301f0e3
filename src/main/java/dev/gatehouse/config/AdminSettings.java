package dev.gatehouse.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The bearer token that guards the admin endpoints; absent means they are switched off. */
@ApplicationScoped
public class AdminSettings {

  static final int MIN_TOKEN_LENGTH = 32;

  @Inject
  @ConfigProperty(name = "oidc.admin.token")
  Optional<String> adminToken;

  public Optional<String> adminToken() {
    return adminToken.filter(token -> !token.isBlank());
  }

  /**
   * A short admin token fails the deployment: wrong tokens are not throttled, so only its length
   * keeps it from being guessed.
   */
  void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
    adminToken()
        .filter(token -> token.length() < MIN_TOKEN_LENGTH)
        .ifPresent(
            token -> {
              throw new IllegalStateException(
                  "oidc.admin.token must have at least "
                      + MIN_TOKEN_LENGTH
                      + " characters (for example openssl rand -hex 32)");
            });
  }
}
