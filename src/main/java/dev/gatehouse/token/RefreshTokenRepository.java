package dev.gatehouse.token;

import dev.gatehouse.persistence.SecretHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/** Stores refresh tokens by hash, and consumes them atomically (rotation). */
@ApplicationScoped
public class RefreshTokenRepository {

  @PersistenceContext EntityManager em;

  void persist(RefreshToken token) {
    em.persist(token);
  }

  public Optional<RefreshToken> find(String token) {
    if (token == null || token.isEmpty() || token.length() > 200) {
      return Optional.empty();
    }
    return Optional.ofNullable(em.find(RefreshToken.class, SecretHasher.fingerprintFull(token)));
  }

  /** One conditional UPDATE: of two concurrent uses of one refresh token exactly one gets true. */
  boolean consume(String token, Instant now) {
    return em.createNamedQuery("RefreshToken.consume")
            .setParameter("now", now)
            .setParameter("hash", SecretHasher.fingerprintFull(token))
            .executeUpdate()
        == 1;
  }

  /**
   * Withdraws the live token that replaced this one (a retry within the grace window replaces it
   * again); false if there is none, because it was used already.
   */
  boolean supersedeSuccessor(RefreshToken parent, Instant now) {
    return em.createNamedQuery("RefreshToken.supersedeSuccessor")
            .setParameter("now", now)
            .setParameter("hash", parent.tokenHash())
            .executeUpdate()
        > 0;
  }
}
