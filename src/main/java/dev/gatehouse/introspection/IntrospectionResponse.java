package dev.gatehouse.introspection;

import static dev.gatehouse.protocol.JsonSupport.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Instant;
import org.jose4j.jwt.JwtClaims;

/**
 * Introspection responses: {@code active: false} alone, or an active token's members.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7662#section-2.2">RFC 7662 §2.2</a>
 */
final class IntrospectionResponse {

  /** RFC 7662 §2.2: for anything not active, or not the caller's to see, this and nothing more. */
  static final JsonObject INACTIVE = JSON.createObjectBuilder().add("active", false).build();

  private IntrospectionResponse() {}

  /**
   * An active access token: every claim of the JWT (iss, sub, aud, client_id, exp, iat, nbf when
   * set, jti, scope, auth_time, groups...), {@code active} and {@code token_type}.
   */
  static JsonObject ofAccessToken(JwtClaims claims) {
    JsonObjectBuilder json = JSON.createObjectBuilder().add("active", true);
    try (JsonReader reader = JSON.createReader(new StringReader(claims.toJson()))) {
      json.addAll(JSON.createObjectBuilder(reader.readObject()));
    }
    return json.add("active", true).add("token_type", "Bearer").build();
  }

  /** The details of an active refresh token, for the client that holds it. */
  record RefreshTokenDetails(
      String scope,
      String clientId,
      String subject,
      String issuer,
      Instant issuedAt,
      Instant expiresAt) {}

  /**
   * An active refresh token, with {@code token_type: Bearer} as every active response carries one:
   * a bearer credential, which whoever holds it may present (no sender constraint).
   */
  static JsonObject ofRefreshToken(RefreshTokenDetails token) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("active", true)
            .add("token_type", "Bearer")
            .add("scope", token.scope())
            .add("client_id", token.clientId())
            .add("sub", token.subject())
            .add("iss", token.issuer())
            .add("exp", token.expiresAt().getEpochSecond());
    if (token.issuedAt() != null) {
      json.add("iat", token.issuedAt().getEpochSecond());
    }
    return json.build();
  }
}
