package dev.gatehouse.token;

import dev.gatehouse.accounts.Account;
import dev.gatehouse.accounts.AccountService;
import dev.gatehouse.config.TokenSettings;
import dev.gatehouse.protocol.OAuthException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The refresh_token grant with rotation: every use consumes the token (one conditional UPDATE) and
 * issues a new one with the same scope; presenting an already rotated token revokes the whole
 * grant, unless it comes back within the optional grace window (a retry after a lost response). The
 * requested scope may narrow the access token, never widen it; the token is bound to its client.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-6">RFC 6749 §6</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9700#section-4.14.2">RFC 9700 §4.14.2</a>
 */
@ApplicationScoped
public class RefreshTokenGrant implements GrantHandler {

  @Inject RefreshTokenRepository refreshTokens;
  @Inject GrantRepository grants;
  @Inject GrantRevocation revocation;
  @Inject AccountService accounts;
  @Inject TokenIssuer issuer;
  @Inject TokenSettings settings;

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
    Instant now = clock.instant();
    RefreshToken presented = consume(token, now);
    if (!presented.clientId().equals(request.client().clientId())) {
      throw OAuthException.invalidGrant("The refresh token was issued to another client");
    }
    if (presented.isExpired(now)) {
      throw OAuthException.invalidGrant("The refresh token has expired");
    }
    Grant grant =
        grants
            .find(presented.grantId())
            .filter(g -> !g.isRevoked())
            .orElseThrow(() -> OAuthException.invalidGrant("The authorization has been revoked"));
    String scope = narrowed(request.param("scope"), presented.scope());
    Account account =
        accounts
            .find(grant.subject())
            .orElseThrow(() -> OAuthException.invalidGrant("The user no longer exists"));
    // RFC 6749 §6: the new refresh token keeps the scope of the one it replaces.
    return issuer.issue(
        new Issuance(
            grant, account, request.client().metadata(), scope, null, presented.scope(), presented),
        now);
  }

  private RefreshToken consume(String token, Instant now) {
    if (refreshTokens.consume(token, now)) {
      return refreshTokens.find(token).orElseThrow();
    }
    RefreshToken reused =
        refreshTokens
            .find(token)
            .orElseThrow(
                () ->
                    OAuthException.invalidGrant(
                        "The refresh token is invalid or was already used"));
    if (isRetry(reused, now)) {
      return reused;
    }
    // RFC 9700 §4.14.2: a rotated token used again means it leaked; end the whole grant.
    revocation.revoke(reused.grantId(), "rotated refresh token reused");
    throw OAuthException.invalidGrant("The refresh token is invalid or was already used");
  }

  /**
   * A rotated token presented again within the grace window, whose successor was never used: the
   * successor is withdrawn (one conditional UPDATE, so of concurrent retries each replaces the
   * last) and the retry gets fresh tokens.
   */
  private boolean isRetry(RefreshToken reused, Instant now) {
    var grace = settings.refreshTokenReuseGrace();
    return !grace.isZero()
        && reused.consumedAt() != null
        && !now.isAfter(reused.consumedAt().plus(grace))
        && refreshTokens.supersedeSuccessor(reused, now);
  }

  /** The requested scope if it is within the granted one; the granted one if none is requested. */
  private static String narrowed(String requested, String granted) {
    if (requested == null || requested.isBlank()) {
      return granted;
    }
    List<String> grantedScopes = TokenIssuer.scopes(granted);
    List<String> requestedScopes = List.of(requested.trim().split(" +"));
    if (!grantedScopes.containsAll(requestedScopes)) {
      throw OAuthException.invalidScope("The requested scope exceeds the granted scope");
    }
    return String.join(" ", requestedScopes);
  }
}
