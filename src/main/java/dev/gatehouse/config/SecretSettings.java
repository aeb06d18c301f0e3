package dev.gatehouse.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The server-side key for hashing issued credentials (client secrets, registration tokens). */
@ApplicationScoped
public class SecretSettings {

  static final int MIN_KEY_LENGTH = 32;

  @Inject
  @ConfigProperty(name = "oidc.secrets.hmac-key")
  Optional<String> hmacKey;

  public Optional<String> hmacKey() {
    hmacKey.ifPresent(
        key -> {
          if (key.length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException(
                "oidc.secrets.hmac-key must have at least " + MIN_KEY_LENGTH + " characters");
          }
        });
    return hmacKey.filter(key -> !key.isBlank());
  }

  /**
   * Checked at start, not at first use: a short key failed every registration and every secret
   * check with a 500 while health said UP.
   */
  void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
    hmacKey();
  }
}
