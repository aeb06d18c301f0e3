package dev.gatehouse.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeySettingsTest {

  @Test
  void startWhenDefaultsThenAccepted() {
    KeySettings settings = settings("P90D", "P1D", "PT5M", "PT5M");

    assertDoesNotThrow(() -> settings.checkAtStartup(null));
    assertFalse(settings.rotatesBeforeCachesRefresh());
  }

  @ParameterizedTest
  @CsvSource({
    "PT4M, PT5M, PT1M",
    "PT5M, PT5M, PT1M",
    "PT10M, PT1M, PT10M",
    "PT5M59S, PT5M, PT5M",
    "PT1M59S, PT1M, PT1M"
  })
  void startWhenRetiredKeyLeavesBeforeItsTokensExpireThenDeploymentFails(
      String retention, String accessTtl, String idTtl) {
    KeySettings settings = settings("P90D", retention, accessTtl, idTtl);

    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> settings.checkAtStartup(null));

    assertTrue(refused.getMessage().contains("oidc.keys.retired-key-retention"));
  }

  /** Another instance signs with the retired key for up to reload-interval (PT1M here). */
  @Test
  void startWhenRetentionEqualsLongestLifetimePlusReloadIntervalThenAccepted() {
    assertDoesNotThrow(() -> settings("P90D", "PT11M", "PT10M", "PT5M").checkAtStartup(null));
  }

  @ParameterizedTest
  @CsvSource({
    "PT5M, true",
    "PT6M, false",
    "PT5M59S, true",
    "PT0S, false",
    "-PT1M, false",
  })
  void rotationWhenFasterThanJwksCacheAndReloadThenFlagged(String period, boolean flagged) {
    // jwks-max-age PT5M + reload-interval PT1M (the defaults) = PT6M
    KeySettings settings = settings(period, "P1D", "PT5M", "PT5M");

    assertEquals(flagged, settings.rotatesBeforeCachesRefresh(), period);
    assertDoesNotThrow(() -> settings.checkAtStartup(null), "a warning, not a refusal");
  }

  private static KeySettings settings(
      String rotation, String retention, String accessTtl, String idTtl) {
    TokenSettings tokens = new TokenSettings();
    tokens.accessTokenTtl = Duration.parse(accessTtl);
    tokens.idTokenTtl = Duration.parse(idTtl);
    KeySettings settings = new KeySettings();
    settings.tokens = tokens;
    settings.rotationPeriod = Duration.parse(rotation);
    settings.retiredKeyRetention = Duration.parse(retention);
    settings.jwksMaxAge = Duration.parse("PT5M");
    settings.reloadInterval = Duration.parse("PT1M");
    return settings;
  }
}
