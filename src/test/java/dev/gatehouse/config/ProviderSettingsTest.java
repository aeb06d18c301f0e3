package dev.gatehouse.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProviderSettingsTest {

  @Test
  void issuerWhenHttpsWithPathThenKeptWithoutTrailingSlash() {
    ProviderSettings settings = new ProviderSettings("https://id.example.com/gatehouse/");

    assertEquals("https://id.example.com/gatehouse", settings.issuer());
    assertEquals("https://id.example.com/gatehouse/jwks.json", settings.endpoint("/jwks.json"));
    assertTrue(settings.isSecure());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:8080", "http://127.0.0.1:9999", "http://[::1]:8080"})
  void issuerWhenHttpOnLoopbackThenAccepted(String issuer) {
    ProviderSettings settings = new ProviderSettings(issuer);

    assertEquals(issuer, settings.issuer());
    assertFalse(settings.isSecure());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://id.example.com",
        "https://id.example.com/?tenant=a",
        "https://id.example.com/#frag",
        "https://user@id.example.com",
        "id.example.com",
        "/relative",
        "ftp://id.example.com",
        "https://bad host"
      })
  void issuerWhenNotAnRfc8414IssuerThenRejected(String issuer) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ProviderSettings(issuer));
    assertTrue(e.getMessage().startsWith("oidc.issuer"));
  }
}
