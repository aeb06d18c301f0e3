package dev.gatehouse.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  private static TokenSettings settings(String resources) {
    TokenSettings settings = new TokenSettings();
    settings.resources = Optional.ofNullable(resources);
    return settings;
  }
}
