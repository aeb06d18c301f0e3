package dev.gatehouse.authorization;

import dev.gatehouse.persistence.SecretHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/** Stores codes, and consumes them atomically. */
@ApplicationScoped
public class AuthorizationCodeRepository {

  @PersistenceContext EntityManager em;

  public void persist(AuthorizationCode code) {
    em.persist(code);
  }

  /**
   * Marks the code consumed if nobody has yet, in one conditional UPDATE (not read-then-write): of
   * two concurrent redemptions exactly one gets true.
   */
  public boolean consume(String code, Instant now) {
    return em.createNamedQuery("AuthorizationCode.consume")
            .setParameter("now", now)
            .setParameter("hash", SecretHasher.fingerprintFull(code))
            .executeUpdate()
        == 1;
  }

  public Optional<AuthorizationCode> find(String code) {
    if (code == null || code.isEmpty() || code.length() > 200) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        em.find(AuthorizationCode.class, SecretHasher.fingerprintFull(code)));
  }
}
