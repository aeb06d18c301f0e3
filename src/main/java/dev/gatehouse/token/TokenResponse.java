package dev.gatehouse.token;

import static dev.gatehouse.protocol.JsonSupport.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * A successful token response.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-5.1">RFC 6749 §5.1</a>
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#TokenResponse">OpenID Connect
 *     Core §3.1.3.3</a>
 */
public record TokenResponse(
    String accessToken, long expiresIn, String scope, String idToken, String refreshToken) {

  JsonObject toJson() {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("access_token", accessToken)
            .add("token_type", "Bearer")
            .add("expires_in", expiresIn);
    if (scope != null && !scope.isBlank()) {
      json.add("scope", scope);
    }
    if (idToken != null) {
      json.add("id_token", idToken);
    }
    if (refreshToken != null) {
      json.add("refresh_token", refreshToken);
    }
    return json.build();
  }
}
