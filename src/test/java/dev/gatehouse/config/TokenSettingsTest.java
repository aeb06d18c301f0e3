package dev.gatehouse.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenSettingsTest {

  @Test
  void resourcesWhenAbsoluteUrisThenEachOnceTrimmed() {
    assertEquals(
        Set.of("https://api.example/orders", "urn:example:billing"),
        settings(" https://api.example/orders ,urn:example:billing,,https://api.example/orders")
            .resources());
    assertEquals(Set.of(), settings(null).resources());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "api.example/orders",
        "https://api.example/orders#part",
        "https://api.example/a b",
        "/orders"
      })
  void resourcesWhenOneCouldNeverBeRequestedThenDeploymentFails(String bad) {
    TokenSettings settings = settings("https://api.example/ok," + bad);

    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> settings.checkAtStartup(new Object()));

    assertTrue(refused.getMessage().contains(bad), refused.getMessage());
  }

  @Test
  void resourcesWhenLongerThanARequestMayNameThenDeploymentFails() {
    String tooLong = "https://api.example/" + "a".repeat(TokenSettings.MAX_RESOURCE_LENGTH);

    assertThrows(IllegalStateException.class, () -> settings(tooLong).checkAtStartup(null));
  }

  @Test
  void checkAtStartupWhenDefaultsThenPasses() {
    assertDoesNotThrow(() -> settings(null).checkAtStartup(null));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "oidc.token.access-token-ttl",
        "oidc.token.id-token-ttl",
        "oidc.token.refresh-token-ttl",
        "oidc.token.refresh-token-max-lifetime"
      })
  void lifetimeWhenZeroOrNegativeThenDeploymentFailsNamingIt(String key) {
    for (Duration bad : List.of(Duration.ZERO, Duration.ofMinutes(-5))) {
      TokenSettings settings = settings(null);
      switch (key) {
        case "oidc.token.access-token-ttl" -> settings.accessTokenTtl = bad;
        case "oidc.token.id-token-ttl" -> settings.idTokenTtl = bad;
        case "oidc.token.refresh-token-ttl" -> settings.refreshTokenTtl = bad;
        default -> settings.refreshTokenMaxLifetime = bad;
      }

      IllegalStateException refused =
          assertThrows(IllegalStateException.class, () -> settings.checkAtStartup(null));

      assertEquals(key + " must be longer than zero", refused.getMessage());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT0S", "PT2S", "PT1M"})
  void reuseGraceWhenUpToAMinuteThenUsed(String grace) {
    TokenSettings settings = settings(null);
    settings.refreshTokenReuseGrace = Duration.parse(grace);

    assertDoesNotThrow(() -> settings.checkAtStartup(null));
    assertEquals(Duration.parse(grace), settings.refreshTokenReuseGrace());
  }

  @ParameterizedTest
  @ValueSource(strings = {"-PT1S", "PT1M0.001S", "P7D"})
  void reuseGraceWhenNegativeOrOverAMinuteThenDeploymentFails(String grace) {
    TokenSettings settings = settings(null);
    settings.refreshTokenReuseGrace = Duration.parse(grace);

    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> settings.checkAtStartup(null));

    assertTrue(refused.getMessage().contains("refresh-token-reuse-grace"), refused.getMessage());
  }

  /** The shipped defaults, with these resources. */
  private static TokenSettings settings(String resources) {
    TokenSettings settings = new TokenSettings();
    settings.accessTokenTtl = Duration.ofMinutes(5);
    settings.idTokenTtl = Duration.ofMinutes(5);
    settings.refreshTokenTtl = Duration.ofDays(30);
    settings.refreshTokenMaxLifetime = Duration.ofDays(90);
    settings.refreshTokenReuseGrace = Duration.ZERO;
    settings.resources = Optional.ofNullable(resources);
    return settings;
  }
}
