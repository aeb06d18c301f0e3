package dev.gatehouse.token;

import dev.gatehouse.protocol.OAuthError;
import dev.gatehouse.protocol.OAuthException;
import jakarta.ejb.ApplicationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Revokes a whole grant when one of its codes or rotated refresh tokens comes back, in the
 * transaction of the request that revealed the abuse: the {@code invalid_grant} it hands back
 * commits that transaction instead of rolling it back, so the revocation holds without a second
 * database connection (one per replay would let a burst of replays drain the pool).
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-4.1.2">RFC 6749 §4.1.2</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9700#section-4.14.2">RFC 9700 §4.14.2</a>
 */
@ApplicationScoped
public class GrantRevocation {

  private static final Logger LOG = Logger.getLogger("dev.gatehouse.security");

  @Inject GrantRepository grants;
  @Inject TokenCounts counts;

  /**
   * Revokes the grant for a replay (a code or rotated refresh token that came back), counted as
   * such; returns the error for the client, to be thrown.
   */
  OAuthException revoke(String grantId, String why, String description) {
    return revoke(grantId, why, description, true);
  }

  /**
   * Revokes the grant for another reason than a replay (a code redeemed after its sign-in session
   * ended): not counted among replays.
   */
  OAuthException revokeNotReplayed(String grantId, String why, String description) {
    return revoke(grantId, why, description, false);
  }

  private OAuthException revoke(String grantId, String why, String description, boolean replay) {
    if (grants.revoke(grantId, Instant.now())) {
      if (replay) {
        counts.replayRevokedGrant();
      }
      LOG.warning(() -> "security: grant " + grantId + " revoked: " + why);
    } else {
      // A burst of replays revokes once: the log counts revocations, not presentations.
      LOG.warning(() -> "security: grant " + grantId + " already revoked, again: " + why);
    }
    return new ReuseDetected(description);
  }

  /** {@code invalid_grant} whose transaction commits: the revocation before it must hold. */
  @ApplicationException(rollback = false)
  static final class ReuseDetected extends OAuthException {

    private static final long serialVersionUID = 1L;

    ReuseDetected(String description) {
      super(OAuthError.INVALID_GRANT, description);
    }
  }
}
