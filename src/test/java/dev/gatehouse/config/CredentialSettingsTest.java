package dev.gatehouse.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The admin token and the secrets HMAC key are checked when the application starts. */
class CredentialSettingsTest {

  @Test
  void startWhenAdminTokenShortThenDeploymentFails() {
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () -> AdminSettingsAccess.withToken("x".repeat(31)).checkAtStartup(null));

    assertTrue(refused.getMessage().contains("oidc.admin.token"));
  }

  @Test
  void startWhenAdminTokenLongEnoughOrUnsetThenAccepted() {
    assertDoesNotThrow(() -> AdminSettingsAccess.withToken("x".repeat(32)).checkAtStartup(null));
    assertDoesNotThrow(() -> AdminSettingsAccess.withToken(null).checkAtStartup(null));
    assertDoesNotThrow(() -> AdminSettingsAccess.withToken("  ").checkAtStartup(null));
  }

  @Test
  void startWhenHmacKeyShortThenDeploymentFailsAndLongOrUnsetAccepted() {
    SecretSettings settings = new SecretSettings();
    settings.hmacKey = Optional.of("short");
    assertThrows(IllegalStateException.class, () -> settings.checkAtStartup(null));

    settings.hmacKey = Optional.of("k".repeat(32));
    assertDoesNotThrow(() -> settings.checkAtStartup(null));
    settings.hmacKey = Optional.empty();
    assertDoesNotThrow(() -> settings.checkAtStartup(null));
  }
}
