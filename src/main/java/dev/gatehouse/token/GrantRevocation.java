package dev.gatehouse.token;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Revokes a whole grant in its own transaction, so the revocation holds even though the request
 * that discovered the abuse (a replayed code) fails and rolls back.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-4.1.2">RFC 6749 §4.1.2</a>
 */
@Stateless
public class GrantRevocation {

  private static final Logger LOG = Logger.getLogger("dev.gatehouse.security");

  @Inject GrantRepository grants;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void revoke(String grantId, String why) {
    grants.revoke(grantId, Instant.now());
    LOG.warning(() -> "security: grant " + grantId + " revoked: " + why);
  }
}
