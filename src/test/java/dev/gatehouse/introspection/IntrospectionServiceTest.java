package dev.gatehouse.introspection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.clients.AuthenticatedClient;
import dev.gatehouse.config.IntrospectionSettings;
import dev.gatehouse.config.ProviderSettings;
import dev.gatehouse.config.TokenSettings;
import dev.gatehouse.testing.AuthenticatedClients;
import dev.gatehouse.token.Grant;
import dev.gatehouse.token.GrantRepository;
import dev.gatehouse.token.PresentedToken;
import dev.gatehouse.token.RefreshToken;
import dev.gatehouse.token.TokenLookup;
import dev.gatehouse.token.TokenLookup.ActiveAccessToken;
import dev.gatehouse.token.TokenLookup.Found;
import dev.gatehouse.token.TokenLookup.StoredRefreshToken;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

/**
 * Who sees what at introspection (RFC 7662 §4), with the token lookup replaced: the owner, a
 * resource server by audience, a resource server configured for every audience ({@code *}), and
 * refresh tokens for their holder alone.
 */
class IntrospectionServiceTest {

  private final IntrospectionService service = new IntrospectionService();

  IntrospectionServiceTest() {
    IntrospectionSettings settings = new IntrospectionSettings();
    setResourceServers(settings, "orders-api=https://api.example/orders,gateway=*");
    service.settings = settings;
  }

  @Test
  void introspectWhenResourceServerForEveryAudienceThenSeesAnyClientsAccessToken() {
    service.tokens = lookup(accessToken("web-app", "https://api.example/billing"));

    assertTrue(service.introspect(client("gateway"), token()).getBoolean("active"));
    assertEquals(
        IntrospectionResponse.INACTIVE,
        service.introspect(client("orders-api"), token()),
        "a resource server for another audience sees nothing");
    assertEquals(
        IntrospectionResponse.INACTIVE,
        service.introspect(client("another-app"), token()),
        "neither does another client");
    assertTrue(service.introspect(client("web-app"), token()).getBoolean("active"), "the owner");
  }

  @Test
  void introspectWhenResourceServerForTheTokensAudienceThenSeesIt() {
    service.tokens = lookup(accessToken("web-app", "https://api.example/orders"));

    assertTrue(service.introspect(client("orders-api"), token()).getBoolean("active"));
  }

  @Test
  void introspectWhenAnotherClientsRefreshTokenThenInactiveEvenForEveryAudienceServer() {
    service.tokens = lookup(new StoredRefreshToken(usableRefreshTokenOf("web-app")));
    service.grants = liveGrant();
    service.tokenSettings = refreshTokensLastADay();
    service.provider = new ProviderSettings("https://id.example");

    assertEquals(
        "web-app",
        service.introspect(refreshClient("web-app"), token()).getString("client_id"),
        "its holder sees it active");
    assertEquals(
        IntrospectionResponse.INACTIVE, service.introspect(refreshClient("gateway"), token()));
    assertEquals(
        IntrospectionResponse.INACTIVE, service.introspect(refreshClient("orders-api"), token()));
    assertEquals(
        IntrospectionResponse.INACTIVE,
        service.introspect(refreshClient("another-app"), token()),
        "nor another client registered for refresh tokens");
  }

  private static void setResourceServers(IntrospectionSettings settings, String value) {
    try {
      var field = IntrospectionSettings.class.getDeclaredField("resourceServers");
      field.setAccessible(true);
      field.set(settings, Optional.of(value));
      var parse = IntrospectionSettings.class.getDeclaredMethod("parseEntries");
      parse.setAccessible(true);
      parse.invoke(settings);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static TokenLookup lookup(Found found) {
    return new TokenLookup() {
      @Override
      public Optional<Found> find(PresentedToken presented) {
        return Optional.of(found);
      }
    };
  }

  private static ActiveAccessToken accessToken(String clientId, String audience) {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer("https://id.example");
    claims.setSubject("user-1");
    claims.setAudience(audience);
    claims.setClaim("client_id", clientId);
    claims.setClaim("scope", "read");
    claims.setIssuedAtToNow();
    claims.setExpirationTime(NumericDate.fromSeconds(Instant.now().getEpochSecond() + 300));
    claims.setJwtId("jti-1");
    return new ActiveAccessToken(claims, clientId, "jti-1");
  }

  /** A refresh token of {@code clientId}, unused and unexpired, of grant "g-1". */
  private static RefreshToken usableRefreshTokenOf(String clientId) {
    Instant now = Instant.now();
    return new RefreshToken() {
      @Override
      public String clientId() {
        return clientId;
      }

      @Override
      public String grantId() {
        return "g-1";
      }

      @Override
      public String scope() {
        return "openid read";
      }

      @Override
      public Instant createdAt() {
        return now;
      }

      @Override
      public Instant expiresAt() {
        return now.plusSeconds(3600);
      }

      @Override
      public boolean isUsable(Instant at) {
        return true;
      }
    };
  }

  private static GrantRepository liveGrant() {
    Instant now = Instant.now();
    return new GrantRepository() {
      @Override
      public Optional<Grant> find(String id) {
        return Optional.of(new Grant(id, "user-1", "web-app", "openid read", now, null, now));
      }
    };
  }

  private static TokenSettings refreshTokensLastADay() {
    return new TokenSettings() {
      @Override
      public Duration refreshTokenMaxLifetime() {
        return Duration.ofDays(1);
      }
    };
  }

  private static PresentedToken token() {
    return new PresentedToken("presented", null);
  }

  /** A client registered for the authorization code and refresh token grants. */
  private static AuthenticatedClient refreshClient(String clientId) {
    return AuthenticatedClients.basic(
        clientId, List.of("authorization_code", "refresh_token"), "openid read");
  }

  private static AuthenticatedClient client(String clientId) {
    return AuthenticatedClients.basic(clientId, List.of("client_credentials"), "read");
  }
}
