package dev.gatehouse.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.config.ProviderSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DemoUserTest {

  /** demo/demo only for a local run: never on a server database, never for a public issuer. */
  @ParameterizedTest
  @CsvSource({
    "true, http://localhost:8080, true",
    "true, http://127.0.0.1:9090, true",
    "true, http://[::1]:8080, true",
    "true, https://localhost:8443/oidc, true",
    "true, https://id.example, false",
    "true, https://id.example/realms/a, false",
    "false, http://localhost:8080, false",
    "false, https://id.example, false",
  })
  void wantedWhenEmbeddedDatabaseAndLocalIssuerOnly(
      boolean embedded, String issuer, boolean expected) {
    assertEquals(expected, DemoUser.wanted(embedded, new ProviderSettings(issuer)), issuer);
  }
}
