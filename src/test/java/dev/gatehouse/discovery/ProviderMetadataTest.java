package dev.gatehouse.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.gatehouse.config.ProviderSettings;
import org.junit.jupiter.api.Test;

class ProviderMetadataTest {

  /** RFC 8414 §2: registration_endpoint is advertised only when someone can register. */
  @Test
  void ofWhenRegistrationClosedThenNoRegistrationEndpoint() {
    ProviderSettings settings = new ProviderSettings("https://id.example");

    assertFalse(ProviderMetadata.of(settings, false).toJson().containsKey("registration_endpoint"));
    assertEquals(
        "https://id.example/register",
        ProviderMetadata.of(settings, true).toJson().getString("registration_endpoint"));
  }
}
