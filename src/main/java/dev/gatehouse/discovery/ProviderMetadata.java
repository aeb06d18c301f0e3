package dev.gatehouse.discovery;

import static dev.gatehouse.protocol.JsonSupport.JSON;

import dev.gatehouse.clients.AuthMethods;
import dev.gatehouse.config.ProviderSettings;
import dev.gatehouse.protocol.Paths;
import dev.gatehouse.userinfo.ClaimsService;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The provider's metadata document. It advertises only what the provider implements today; each
 * later feature adds its members here.
 *
 * @see <a href="https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderMetadata">OpenID
 *     Connect Discovery 1.0 §3</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc8414#section-2">RFC 8414 §2</a>
 */
public record ProviderMetadata(String issuer, String jwksUri, JsonObject document) {

  static final List<String> SCOPES =
      List.of("openid", "profile", "email", "address", "phone", "offline_access");

  /** The metadata; {@code registration}: whether anyone can register (else none is advertised). */
  static ProviderMetadata of(ProviderSettings settings, boolean registration) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("issuer", settings.issuer())
            .add("authorization_endpoint", settings.endpoint(Paths.AUTHORIZATION))
            .add("token_endpoint", settings.endpoint(Paths.TOKEN))
            .add("userinfo_endpoint", settings.endpoint(Paths.USERINFO))
            .add("end_session_endpoint", settings.endpoint(Paths.END_SESSION))
            .add("jwks_uri", settings.endpoint(Paths.JWKS))
            .add("introspection_endpoint", settings.endpoint(Paths.INTROSPECTION))
            .add("revocation_endpoint", settings.endpoint(Paths.REVOCATION))
            .add("scopes_supported", JSON.createArrayBuilder(SCOPES))
            .add("response_types_supported", JSON.createArrayBuilder().add("code"))
            .add("response_modes_supported", JSON.createArrayBuilder().add("query"))
            .add(
                "grant_types_supported",
                JSON.createArrayBuilder()
                    .add("authorization_code")
                    .add("refresh_token")
                    .add("client_credentials"))
            .add("subject_types_supported", JSON.createArrayBuilder().add("public"))
            .add("id_token_signing_alg_values_supported", JSON.createArrayBuilder().add("RS256"))
            .add(
                "token_endpoint_auth_methods_supported",
                JSON.createArrayBuilder(AuthMethods.SUPPORTED))
            .add(
                "token_endpoint_auth_signing_alg_values_supported",
                JSON.createArrayBuilder(AuthMethods.ASSERTION_ALGORITHMS))
            .add(
                "introspection_endpoint_auth_methods_supported",
                JSON.createArrayBuilder(AuthMethods.AUTHENTICATING))
            .add(
                "introspection_endpoint_auth_signing_alg_values_supported",
                JSON.createArrayBuilder(AuthMethods.ASSERTION_ALGORITHMS))
            .add(
                "revocation_endpoint_auth_methods_supported",
                JSON.createArrayBuilder(AuthMethods.SUPPORTED))
            .add(
                "revocation_endpoint_auth_signing_alg_values_supported",
                JSON.createArrayBuilder(AuthMethods.ASSERTION_ALGORITHMS))
            .add("code_challenge_methods_supported", JSON.createArrayBuilder().add("S256"))
            .add(
                "prompt_values_supported",
                JSON.createArrayBuilder(List.of("none", "login", "consent", "select_account")))
            .add("claims_supported", JSON.createArrayBuilder(claims()))
            .add("authorization_response_iss_parameter_supported", true)
            .add("request_parameter_supported", false)
            .add("request_uri_parameter_supported", false);
    if (registration) {
      json.add("registration_endpoint", settings.endpoint(Paths.REGISTRATION));
    }
    return new ProviderMetadata(settings.issuer(), settings.endpoint(Paths.JWKS), json.build());
  }

  private static List<String> claims() {
    List<String> claims =
        new ArrayList<>(List.of("sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "sid"));
    claims.addAll(ClaimsService.supported());
    return claims;
  }

  JsonObject toJson() {
    return document;
  }
}
