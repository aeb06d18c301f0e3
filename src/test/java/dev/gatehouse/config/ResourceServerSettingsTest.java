package dev.gatehouse.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceServerSettingsTest {

  /**
   * The default trusts ${oidc.issuer} as configured; with a terminating "/" that is not the iss of
   * this provider's tokens (which has none), so every token was refused.
   */
  @Test
  void issuersWhenOwnIssuerConfiguredWithSlashThenTheIssOfItsTokens() {
    ResourceServerSettings settings =
        settings(
            "https://id.example.com/gatehouse/",
            List.of("https://id.example.com/gatehouse/", "https://tenant.auth0.example/"));

    assertEquals(
        List.of("https://id.example.com/gatehouse", "https://tenant.auth0.example/"),
        settings.issuers(),
        "another issuer's own iss may end in '/': kept exactly");
  }

  @Test
  void issuersWhenOwnIssuerTwiceThenOnce() {
    ResourceServerSettings settings =
        settings(
            "http://localhost:8080", List.of("http://localhost:8080", "http://localhost:8080//"));

    assertEquals(List.of("http://localhost:8080"), settings.issuers());
  }

  private static ResourceServerSettings settings(String ownIssuer, List<String> trusted) {
    ResourceServerSettings settings = new ResourceServerSettings();
    settings.provider = new ProviderSettings(ownIssuer);
    settings.issuers = trusted;
    return settings;
  }
}
