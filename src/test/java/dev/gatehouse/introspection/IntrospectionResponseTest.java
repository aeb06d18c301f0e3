package dev.gatehouse.introspection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.introspection.IntrospectionResponse.RefreshTokenDetails;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

class IntrospectionResponseTest {

  @Test
  void inactiveThenActiveFalseAndNothingElse() {
    assertEquals("{\"active\":false}", IntrospectionResponse.INACTIVE.toString());
  }

  @Test
  void accessTokenThenItsClaimsWithActiveAndBearerTokenType() {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer("https://id.example");
    claims.setSubject("user-1");
    claims.setAudience("gatehouse-api", "orders");
    claims.setClaim("client_id", "app");
    claims.setClaim("scope", "openid read");
    claims.setIssuedAt(NumericDate.fromSeconds(1000));
    claims.setNotBefore(NumericDate.fromSeconds(1000));
    claims.setExpirationTime(NumericDate.fromSeconds(1300));
    claims.setJwtId("jti-1");
    claims.setStringListClaim("groups", List.of("staff"));

    JsonObject json = IntrospectionResponse.ofAccessToken(claims);

    assertTrue(json.getBoolean("active"));
    assertEquals("Bearer", json.getString("token_type"));
    assertEquals("openid read", json.getString("scope"));
    assertEquals("app", json.getString("client_id"));
    assertEquals("user-1", json.getString("sub"));
    assertEquals("[\"gatehouse-api\",\"orders\"]", json.getJsonArray("aud").toString());
    assertEquals("https://id.example", json.getString("iss"));
    assertEquals(1300, json.getJsonNumber("exp").longValue());
    assertEquals(1000, json.getJsonNumber("iat").longValue());
    assertEquals(1000, json.getJsonNumber("nbf").longValue());
    assertEquals("jti-1", json.getString("jti"));
    assertEquals("[\"staff\"]", json.getJsonArray("groups").toString());
  }

  @Test
  void accessTokenWhenClaimsSayActiveFalseOrOtherTokenTypeThenOverridden() {
    JwtClaims claims = new JwtClaims();
    claims.setClaim("active", false);
    claims.setClaim("token_type", "something");

    JsonObject json = IntrospectionResponse.ofAccessToken(claims);

    assertTrue(json.getBoolean("active"));
    assertEquals("Bearer", json.getString("token_type"));
  }

  @Test
  void refreshTokenWhenIssueTimeUnknownThenActiveBearerWithoutIat() {
    JsonObject json = IntrospectionResponse.ofRefreshToken(details(null));

    assertEquals(
        Json.createObjectBuilder()
            .add("active", true)
            .add("token_type", "Bearer")
            .add("scope", "openid offline_access")
            .add("client_id", "app")
            .add("sub", "user-1")
            .add("iss", "https://id.example")
            .add("exp", 5000)
            .build(),
        json);
  }

  @Test
  void refreshTokenWhenIssueTimeKnownThenItsIat() {
    JsonObject json = IntrospectionResponse.ofRefreshToken(details(Instant.ofEpochSecond(4000)));

    assertEquals(4000, json.getJsonNumber("iat").longValue());
    assertEquals(5000, json.getJsonNumber("exp").longValue());
    assertEquals(8, json.size(), json.toString());
  }

  private static RefreshTokenDetails details(Instant issuedAt) {
    return new RefreshTokenDetails(
        "openid offline_access",
        "app",
        "user-1",
        "https://id.example",
        issuedAt,
        Instant.ofEpochSecond(5000));
  }
}
