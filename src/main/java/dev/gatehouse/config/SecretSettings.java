package dev.gatehouse.config;

import jakarta.enterprise.context.ApplicationScoped;
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
}
