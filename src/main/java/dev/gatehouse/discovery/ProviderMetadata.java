package dev.gatehouse.discovery;

import dev.gatehouse.clients.AuthMethods;
import dev.gatehouse.config.ProviderSettings;
import dev.gatehouse.protocol.Paths;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * The provider's metadata document. It advertises only what the provider implements today; each
 * later feature adds its members here.
 *
 * @see <a href="https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderMetadata">OpenID
 *     Connect Discovery 1.0 §3</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc8414#section-2">RFC 8414 §2</a>
 */
public record ProviderMetadata(
    String issuer,
    String jwksUri,
    String registrationEndpoint,
    List<String> tokenEndpointAuthMethods,
    List<String> tokenEndpointAuthSigningAlgs) {

  static ProviderMetadata of(ProviderSettings settings) {
    return new ProviderMetadata(
        settings.issuer(),
        settings.endpoint(Paths.JWKS),
        settings.endpoint(Paths.REGISTRATION),
        AuthMethods.SUPPORTED,
        AuthMethods.ASSERTION_ALGORITHMS);
  }

  JsonObject toJson() {
    return Json.createObjectBuilder()
        .add("issuer", issuer)
        .add("jwks_uri", jwksUri)
        .add("registration_endpoint", registrationEndpoint)
        .add(
            "token_endpoint_auth_methods_supported",
            Json.createArrayBuilder(tokenEndpointAuthMethods))
        .add(
            "token_endpoint_auth_signing_alg_values_supported",
            Json.createArrayBuilder(tokenEndpointAuthSigningAlgs))
        .build();
  }
}
