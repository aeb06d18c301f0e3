package dev.gatehouse.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthorizationSettingsTest {

  @ParameterizedTest
  @ValueSource(strings = {"PT1S", "PT60S", "PT10M"})
  void codeTtlWhenUpToTenMinutesThenDeploymentGoesOn(String ttl) {
    AuthorizationSettings settings = defaults();
    settings.codeTtl = Duration.parse(ttl);

    assertDoesNotThrow(() -> settings.checkAtStartup(null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT0S", "-PT1M", "PT10M1S", "P1D"})
  void codeTtlWhenZeroNegativeOrOverTenMinutesThenDeploymentFails(String ttl) {
    AuthorizationSettings settings = defaults();
    settings.codeTtl = Duration.parse(ttl);

    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> settings.checkAtStartup(null));

    assertTrue(refused.getMessage().contains("oidc.authorization.code-ttl"), refused.getMessage());
  }

  @Test
  void requestOrSessionTtlWhenZeroOrNegativeThenDeploymentFails() {
    AuthorizationSettings request = defaults();
    request.requestTtl = Duration.ZERO;
    AuthorizationSettings session = defaults();
    session.sessionTtl = Duration.ofHours(-8);

    assertTrue(
        assertThrows(IllegalStateException.class, () -> request.checkAtStartup(null))
            .getMessage()
            .contains("oidc.authorization.request-ttl"));
    assertTrue(
        assertThrows(IllegalStateException.class, () -> session.checkAtStartup(null))
            .getMessage()
            .contains("oidc.session.ttl"));
  }

  /** The shipped defaults. */
  private static AuthorizationSettings defaults() {
    AuthorizationSettings settings = new AuthorizationSettings();
    settings.codeTtl = Duration.ofSeconds(60);
    settings.requestTtl = Duration.ofMinutes(10);
    settings.sessionTtl = Duration.ofHours(8);
    return settings;
  }
}
