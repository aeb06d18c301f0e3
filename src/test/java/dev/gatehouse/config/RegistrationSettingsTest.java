package dev.gatehouse.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistrationSettingsTest {

  /** Open registration is an open redirector (RFC 9700 §4.11.2): by default for local runs only. */
  @ParameterizedTest
  @CsvSource({
    "local, http://localhost:8080, , true, true",
    "local, http://127.0.0.1:9090, , true, true",
    "local, https://id.example, , false, false",
    "local, https://id.example, initial-token, false, true",
    "true, https://id.example, , true, true",
    "TRUE, https://id.example, , true, true",
    "false, http://localhost:8080, , false, false",
    "false, http://localhost:8080, initial-token, false, true",
  })
  void isOpenAndAvailableWhenSettingIssuerAndToken(
      String open, String issuer, String token, boolean isOpen, boolean available) {
    RegistrationSettings settings = settings(open, issuer, token);

    assertEquals(isOpen, settings.isOpen(), open + " " + issuer);
    assertEquals(available, settings.isAvailable(), open + " " + issuer + " " + token);
  }

  @Test
  void startWhenOpenNeitherTrueFalseNorLocalThenDeploymentFails() {
    assertThrows(
        IllegalStateException.class,
        () -> settings("yes", "https://id.example", null).checkAtStartup(null));
  }

  private static RegistrationSettings settings(String open, String issuer, String token) {
    RegistrationSettings settings = new RegistrationSettings();
    settings.open = open;
    settings.provider = new ProviderSettings(issuer);
    settings.initialAccessToken = Optional.ofNullable(token);
    return settings;
  }
}
