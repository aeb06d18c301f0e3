package dev.gatehouse.clients;

import dev.gatehouse.persistence.SecretHasher;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Remembers the {@code jti} of every client assertion until it expires, so that none is accepted
 * twice. The primary key makes the check atomic: of two concurrent uses, one insert fails. Each
 * check is a transaction of its own: the client's authentication around it holds none (verifying an
 * assertion may fetch the client's jwks_uri).
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7523#section-3">RFC 7523 §3</a>
 */
@Stateless
public class AssertionReplayGuard {

  @PersistenceContext EntityManager em;

  /**
   * Records the jti; false if it was already used.
   *
   * @throws ConcurrentUse when another request recorded it at the same moment
   */
  public boolean firstUse(String clientId, String jti, Instant expiresAt, Instant now) {
    em.createNativeQuery(
            "DELETE FROM oidc_client_assertion WHERE client_id = ?1 AND expires_at < ?2")
        .setParameter(1, clientId)
        .setParameter(2, now.atOffset(ZoneOffset.UTC))
        .executeUpdate();
    // A replay inserts nothing (no constraint violation, so no error in the log for each one); two
    // concurrent first uses still meet at the primary key, and one insert fails.
    try {
      return em.createNativeQuery(
                  "INSERT INTO oidc_client_assertion (client_id, jti_hash, expires_at)"
                      + " SELECT ?1, ?2, ?3 WHERE NOT EXISTS (SELECT 1 FROM oidc_client_assertion"
                      + " WHERE client_id = ?1 AND jti_hash = ?2)")
              .setParameter(1, clientId)
              .setParameter(2, SecretHasher.fingerprintFull(jti))
              .setParameter(3, expiresAt.atOffset(ZoneOffset.UTC))
              .executeUpdate()
          == 1;
    } catch (PersistenceException e) {
      if (isKeyViolation(e)) {
        throw new ConcurrentUse();
      }
      throw e; // a database failure stays one, never a replay
    }
  }

  private static boolean isKeyViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConstraintViolationException
          || (t instanceof SQLException sql && "23505".equals(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The same jti recorded by another request at the same moment: a replay too. Thrown rather than
   * answered, so that the failed insert's transaction is rolled back without an error.
   */
  @ApplicationException(rollback = true)
  public static final class ConcurrentUse extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConcurrentUse() {
      super("client_assertion jti recorded concurrently", null, false, false);
    }
  }
}
