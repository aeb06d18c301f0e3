package dev.gatehouse.introspection;

import dev.gatehouse.clients.AuthenticatedClient;
import dev.gatehouse.config.IntrospectionSettings;
import dev.gatehouse.config.ProviderSettings;
import dev.gatehouse.config.TokenSettings;
import dev.gatehouse.introspection.IntrospectionResponse.RefreshTokenDetails;
import dev.gatehouse.protocol.OAuthException;
import dev.gatehouse.token.Grant;
import dev.gatehouse.token.GrantRepository;
import dev.gatehouse.token.PresentedToken;
import dev.gatehouse.token.RefreshToken;
import dev.gatehouse.token.TokenLookup;
import dev.gatehouse.token.TokenLookup.ActiveAccessToken;
import dev.gatehouse.token.TokenLookup.Found;
import dev.gatehouse.token.TokenLookup.StoredRefreshToken;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jose4j.jwt.MalformedClaimException;

/**
 * Says whether a token is active, and what it carries, to a client allowed to know: a client sees
 * its own tokens; the configured resource servers see every client's access tokens; a refresh token
 * only ever its holder. Public clients cannot introspect (RFC 7662 §2.1 asks for authentication,
 * and theirs proves nothing).
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7662#section-2">RFC 7662 §2</a>
 */
@Stateless
public class IntrospectionService {

  @Inject TokenLookup tokens;
  @Inject GrantRepository grants;
  @Inject IntrospectionSettings settings;
  @Inject ProviderSettings provider;
  @Inject TokenSettings tokenSettings;

  Clock clock = Clock.systemUTC();

  /**
   * Introspects the token of a request body: a public client is refused before the body is read, so
   * its answer is 401 invalid_client whatever it sent (no token, a repeated one).
   */
  public JsonObject introspect(AuthenticatedClient caller, MultivaluedMap<String, String> form) {
    requireAuthenticated(caller);
    return introspect(caller, PresentedToken.from(form));
  }

  public JsonObject introspect(AuthenticatedClient caller, PresentedToken presented) {
    requireAuthenticated(caller);
    return tokens
        .find(presented)
        .flatMap(found -> describe(caller, found))
        .orElse(IntrospectionResponse.INACTIVE);
  }

  private static void requireAuthenticated(AuthenticatedClient caller) {
    if (caller.metadata().isPublic()) {
      throw OAuthException.invalidClient("Introspection requires client authentication");
    }
  }

  /** RFC 7662 §4: a resource server sees the tokens that can be used at it, by their audience. */
  private boolean servesAudience(AuthenticatedClient caller, ActiveAccessToken access) {
    Set<String> served = settings.audiencesServedBy(caller.clientId());
    if (served.contains(IntrospectionSettings.ANY_AUDIENCE)) {
      return true;
    }
    try {
      List<String> audiences = access.claims().getAudience();
      return audiences != null && audiences.stream().anyMatch(served::contains);
    } catch (MalformedClaimException e) {
      return false;
    }
  }

  private Optional<JsonObject> describe(AuthenticatedClient caller, Found found) {
    if (found instanceof ActiveAccessToken access) {
      return access.clientId().equals(caller.clientId()) || servesAudience(caller, access)
          ? Optional.of(IntrospectionResponse.ofAccessToken(access.claims()))
          : Optional.empty();
    }
    if (found instanceof StoredRefreshToken stored) {
      return describeRefreshToken(caller, stored.token(), clock.instant());
    }
    // An access token no longer active, or a refresh token whose row was purged (rotated long
    // ago): never active.
    return Optional.empty();
  }

  /**
   * Active while the refresh grant would take it from this client now: unused and unexpired, its
   * grant live and within the absolute lifetime (which ends it earlier when the operator shortened
   * that lifetime since), and the client still registered for the grant type. (A rotated token the
   * optional grace window would take once more is not active: it is no longer the current one.)
   */
  private Optional<JsonObject> describeRefreshToken(
      AuthenticatedClient caller, RefreshToken refresh, Instant now) {
    if (!refresh.clientId().equals(caller.clientId())
        || !refresh.isUsable(now)
        || !caller.metadata().allowsGrant("refresh_token")) {
      return Optional.empty();
    }
    Optional<Grant> grant = grants.find(refresh.grantId()).filter(g -> !g.isRevoked());
    if (grant.isEmpty()) {
      return Optional.empty();
    }
    Instant lifetimeEnd = grant.get().refreshLifetimeEnd(tokenSettings.refreshTokenMaxLifetime());
    if (!lifetimeEnd.isAfter(now)) {
      return Optional.empty();
    }
    Instant exp = refresh.expiresAt().isBefore(lifetimeEnd) ? refresh.expiresAt() : lifetimeEnd;
    return Optional.of(
        IntrospectionResponse.ofRefreshToken(
            new RefreshTokenDetails(
                refresh.scope(),
                refresh.clientId(),
                grant.get().subject(),
                provider.issuer(),
                refresh.createdAt(),
                exp)));
  }
}
