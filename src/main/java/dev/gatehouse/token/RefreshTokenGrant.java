package dev.gatehouse.token;

import dev.gatehouse.accounts.Account;
import dev.gatehouse.accounts.AccountService;
import dev.gatehouse.clients.ClientMetadata;
import dev.gatehouse.config.TokenSettings;
import dev.gatehouse.protocol.OAuthException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The refresh_token grant with rotation: every use consumes the token (one conditional UPDATE) and
 * issues a new one with the same scope; presenting an already rotated token revokes the whole
 * grant, unless it comes back once within the optional grace window (a retry after a lost
 * response). The requested scope may narrow the access token, never widen it, and scopes the
 * client's registration no longer lists are left out of it; the new refresh token keeps the scope
 * of the one it replaces unchanged (RFC 6749 §6), so such a scope comes back if the registration
 * lists it again. The token is bound to its client.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-6">RFC 6749 §6</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9700#section-4.14.2">RFC 9700 §4.14.2</a>
 */
@ApplicationScoped
public class RefreshTokenGrant implements GrantHandler {

  private static final String INVALID_OR_USED = "The refresh token is invalid or was already used";

  @Inject RefreshTokenRepository refreshTokens;
  @Inject GrantRepository grants;
  @Inject GrantRevocation revocation;
  @Inject AccountService accounts;
  @Inject TokenIssuer issuer;
  @Inject TokenSettings settings;
  @Inject AccessTokenRepository accessTokens;

  Clock clock = Clock.systemUTC();

  @Override
  public String grantType() {
    return "refresh_token";
  }

  @Override
  public TokenResponse handle(TokenRequest request) {
    String token = request.param("refresh_token");
    if (token == null || token.isEmpty()) {
      throw OAuthException.invalidRequest("refresh_token is required");
    }
    ResourceIndicators.requireNoneOr(request.params("resource"), settings.defaultAudience());
    Instant now = clock.instant();
    RefreshToken presented =
        refreshTokens
            .find(token)
            .orElseThrow(() -> withoutRow(token, request.client().clientId(), now));
    if (!presented.clientId().equals(request.client().clientId())) {
      // The same answer as for an unknown token: another client learns nothing of this one.
      throw invalidOrUsed();
    }
    if (!refreshTokens.consume(token, now)) {
      rotatedTokenPresented(token, presented, now);
    }
    if (presented.isExpired(now)) {
      throw OAuthException.invalidGrant("The refresh token has expired");
    }
    Grant grant =
        grants
            .find(presented.grantId())
            .filter(g -> !g.isRevoked())
            .orElseThrow(() -> OAuthException.invalidGrant("The authorization has been revoked"));
    // The absolute lifetime may have ended before the token's own expiry when the operator
    // shortened it since.
    if (!grant.refreshLifetimeEnd(settings.refreshTokenMaxLifetime()).isAfter(now)) {
      throw OAuthException.invalidGrant("The refresh token has expired");
    }
    ClientMetadata client = request.client().metadata();
    String scope = allowedNarrowing(request.param("scope"), presented.scope(), client);
    Account account =
        accounts
            .find(grant.subject())
            .orElseThrow(() -> OAuthException.invalidGrant("The user no longer exists"));
    // RFC 6749 §6: the new refresh token keeps the scope of the one it replaces.
    Issuance.Rotation rotation =
        new Issuance.Rotation(presented, RefreshTokenValue.familyOf(token));
    return issuer.issue(
        new Issuance(grant, account, client, scope, null, presented.scope(), rotation), now);
  }

  /**
   * A token without a row: unknown, or a rotated one the purge deleted after the retention. Its
   * family tells the latter: while that grant's chain lives (not revoked, a refresh token in date)
   * and the token is this client's, it is a reuse and the whole grant ends, as while its row
   * lasted.
   */
  private OAuthException withoutRow(String token, String clientId, Instant now) {
    return grants
        .findByFamilyOf(token)
        .filter(g -> g.clientId().equals(clientId) && !g.isRevoked() && g.expiresAt().isAfter(now))
        .map(g -> revocation.revoke(g.id(), "purged rotated refresh token reused", INVALID_OR_USED))
        .orElseGet(RefreshTokenGrant::invalidOrUsed);
  }

  /**
   * The token was rotated already: a retry within the grace window goes on; anything else is a
   * reuse, so the token leaked, and the whole grant ends (RFC 9700 §4.14.2).
   */
  private void rotatedTokenPresented(String token, RefreshToken rotated, Instant now) {
    RefreshToken current =
        refreshTokens
            .reload(rotated)
            // The purge deleted its row meanwhile: its family may still tell a reuse.
            .orElseThrow(() -> withoutRow(token, rotated.clientId(), now));
    if (!isRetry(current, now)) {
      throw revocation.revoke(rotated.grantId(), "rotated refresh token reused", INVALID_OR_USED);
    }
  }

  /**
   * A retry after a lost response: within the grace window, the first retry of this token, and its
   * successor never used. Each condition that two requests could race for is one conditional
   * UPDATE. The successor and the access token issued beside it are withdrawn.
   */
  private boolean isRetry(RefreshToken rotated, Instant now) {
    Duration grace = settings.refreshTokenReuseGrace();
    if (grace.isZero()
        || rotated.consumedAt() == null
        || now.isAfter(rotated.consumedAt().plus(grace))
        || !refreshTokens.markRetried(rotated, now)) {
      return false;
    }
    Optional<RefreshToken> successor = refreshTokens.withdrawSuccessor(rotated, now);
    successor.map(RefreshToken::accessTokenJti).ifPresent(jti -> accessTokens.revoke(jti, now));
    return successor.isPresent();
  }

  private static OAuthException invalidOrUsed() {
    return OAuthException.invalidGrant(INVALID_OR_USED);
  }

  /**
   * The scopes the client may still have: the user scopes, and those its registration lists now (an
   * update under RFC 7592 may have taken some away since the user consented).
   */
  private static String stillAllowed(String scope, ClientMetadata client) {
    return TokenIssuer.scopes(scope).stream()
        .filter(client::allowsScope)
        .collect(Collectors.joining(" "));
  }

  /**
   * The scope of the new access token: of the requested scope (the granted one if none), what the
   * client is still allowed. When that leaves out a requested scope the response's {@code scope}
   * says so (RFC 6749 §3.3; it is always sent when not empty); when it leaves nothing of a
   * requested scope, a response without {@code scope} would claim it was granted, so that is
   * invalid_scope.
   */
  private static String allowedNarrowing(String requested, String granted, ClientMetadata client) {
    String allowed = stillAllowed(narrowed(requested, granted), client);
    if (requested != null && allowed.isEmpty()) {
      throw OAuthException.invalidScope("The client is no longer registered for the scope");
    }
    return allowed;
  }

  /** The requested scope if it is within the granted one; the granted one if none is requested. */
  private static String narrowed(String requested, String granted) {
    if (requested == null) {
      return granted;
    }
    List<String> grantedScopes = TokenIssuer.scopes(granted);
    List<String> requestedScopes = TokenIssuer.requested(requested);
    if (!grantedScopes.containsAll(requestedScopes)) {
      throw OAuthException.invalidScope("The requested scope exceeds the granted scope");
    }
    return String.join(" ", requestedScopes);
  }
}
