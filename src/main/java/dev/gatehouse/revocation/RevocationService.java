package dev.gatehouse.revocation;

import dev.gatehouse.clients.AuthenticatedClient;
import dev.gatehouse.protocol.OAuthException;
import dev.gatehouse.token.AccessTokenRepository;
import dev.gatehouse.token.GrantRepository;
import dev.gatehouse.token.PresentedToken;
import dev.gatehouse.token.TokenLookup;
import dev.gatehouse.token.TokenLookup.ActiveAccessToken;
import dev.gatehouse.token.TokenLookup.Found;
import dev.gatehouse.token.TokenLookup.RefreshTokenFound;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Revokes a token for the client it was issued to: an access token alone, or a refresh token with
 * its whole grant (every access and refresh token of that grant). A refresh token is found in any
 * state: one already rotated or expired still names its grant (by its row, or by its family once
 * the purge deleted the row), and revoking it ends the grant's current tokens. An unknown token, or
 * an inactive access token, needs nothing done. Another client's token is refused whatever its
 * state, so the answer tells nothing of its state (that the token was issued here, the caller shows
 * by holding it; introspection shows its state to nobody but its holder and the resource servers).
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7009#section-2.1">RFC 7009 §2.1</a>
 */
@Stateless
public class RevocationService {

  private static final Logger LOG = Logger.getLogger(RevocationService.class.getName());

  @Inject TokenLookup tokens;
  @Inject AccessTokenRepository accessTokens;
  @Inject GrantRepository grants;

  Clock clock = Clock.systemUTC();

  public void revoke(AuthenticatedClient caller, PresentedToken presented) {
    tokens.find(presented).ifPresent(found -> revoke(caller, found));
  }

  private void revoke(AuthenticatedClient caller, Found found) {
    // RFC 7009 §2.1: the server verifies that the token was issued to the client asking.
    if (!found.clientId().equals(caller.clientId())) {
      throw OAuthException.invalidRequest("The token was not issued to this client");
    }
    Instant now = clock.instant();
    if (found instanceof ActiveAccessToken access) {
      accessTokens.revoke(access.jti(), now);
      LOG.info(() -> "Access token revoked by client_id " + caller.clientId());
    } else if (found instanceof RefreshTokenFound refresh) {
      String grantId = refresh.grantId();
      // RFC 7009 §2.1: revoking a refresh token also invalidates the access tokens of its grant.
      grants.revoke(grantId, now);
      LOG.info(() -> "Grant " + grantId + " revoked by client_id " + caller.clientId());
    }
  }
}
