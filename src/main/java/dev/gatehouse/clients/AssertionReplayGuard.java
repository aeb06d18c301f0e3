package dev.gatehouse.clients;

import dev.gatehouse.persistence.SecretHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Remembers the {@code jti} of every client assertion until it expires, so that none is accepted
 * twice. The primary key makes the check atomic: of two concurrent uses, one insert fails.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7523#section-3">RFC 7523 §3</a>
 */
@ApplicationScoped
public class AssertionReplayGuard {

  @PersistenceContext EntityManager em;

  /** Records the jti; false if it was already used. Must run inside the caller's transaction. */
  public boolean firstUse(String clientId, String jti, Instant expiresAt, Instant now) {
    em.createNativeQuery(
            "DELETE FROM oidc_client_assertion WHERE client_id = ?1 AND expires_at < ?2")
        .setParameter(1, clientId)
        .setParameter(2, now.atOffset(ZoneOffset.UTC))
        .executeUpdate();
    try {
      em.createNativeQuery(
              "INSERT INTO oidc_client_assertion (client_id, jti_hash, expires_at) VALUES (?1, ?2, ?3)")
          .setParameter(1, clientId)
          .setParameter(2, SecretHasher.fingerprintFull(jti))
          .setParameter(3, expiresAt.atOffset(ZoneOffset.UTC))
          .executeUpdate();
      return true;
    } catch (PersistenceException e) {
      return false;
    }
  }
}
