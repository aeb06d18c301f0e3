package dev.gatehouse.discovery;

import dev.gatehouse.config.ProviderSettings;
import dev.gatehouse.protocol.Paths;
import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * The provider's metadata document. It advertises only what the provider implements today; each
 * later feature adds its members here.
 *
 * @see <a href="https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderMetadata">OpenID
 *     Connect Discovery 1.0 §3</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc8414#section-2">RFC 8414 §2</a>
 */
public record ProviderMetadata(String issuer, String jwksUri) {

  static ProviderMetadata of(ProviderSettings settings) {
    return new ProviderMetadata(settings.issuer(), settings.endpoint(Paths.JWKS));
  }

  JsonObject toJson() {
    return Json.createObjectBuilder().add("issuer", issuer).add("jwks_uri", jwksUri).build();
  }
}
