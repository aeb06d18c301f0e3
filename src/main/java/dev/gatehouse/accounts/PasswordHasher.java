package dev.gatehouse.accounts;

import dev.gatehouse.config.AccountSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Password hashes through Jakarta Security's {@link Pbkdf2PasswordHash}: PBKDF2-HMAC-SHA512,
 * 32-byte salt, {@code oidc.accounts.password-iterations} iterations (210,000 by default, OWASP
 * 2023).
 */
@ApplicationScoped
public class PasswordHasher {

  @Inject Pbkdf2PasswordHash pbkdf2;
  @Inject AccountSettings settings;

  private String dummyHash;

  @PostConstruct
  void init() {
    pbkdf2.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", String.valueOf(settings.passwordIterations()),
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    dummyHash = pbkdf2.generate("not-a-real-password".toCharArray());
  }

  public String hash(String password) {
    return pbkdf2.generate(password.toCharArray());
  }

  public boolean verify(String password, String hash) {
    return pbkdf2.verify(password.toCharArray(), hash);
  }

  /** Spends the same time as a real check, so an unknown username is not revealed by timing. */
  public void verifyDummy(String password) {
    pbkdf2.verify(password.toCharArray(), dummyHash);
  }
}
