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
    return consumeHash(SecretHasher.fingerprintFull(token), now);
  }

  /**
   * The token as stored now (another transaction may have rotated it meanwhile); empty if its row
   * is gone (purged with its grant in the meantime). Read anew rather than refreshed: refreshing a
   * deleted row marks the transaction for rollback, and the reuse revocation this may lead to must
   * commit.
   */
  Optional<RefreshToken> reload(RefreshToken token) {
    em.detach(token);
    return Optional.ofNullable(em.find(RefreshToken.class, token.tokenHash()));
  }

  /**
   * Records the one retry a rotated token is allowed, in one conditional UPDATE: of concurrent
   * retries exactly one gets true.
   */
  boolean markRetried(RefreshToken rotated, Instant now) {
    return em.createNamedQuery("RefreshToken.markRetried")
            .setParameter("now", now)
            .setParameter("hash", rotated.tokenHash())
            .executeUpdate()
        == 1;
  }

  /**
   * Withdraws the live token that replaced this one (consumed like any use, so a concurrent use of
   * it and the withdrawal cannot both succeed); empty if it was used already.
   */
  Optional<RefreshToken> withdrawSuccessor(RefreshToken rotated, Instant now) {
    return em
        .createNamedQuery("RefreshToken.findLiveSuccessors", RefreshToken.class)
        .setParameter("hash", rotated.tokenHash())
        .getResultList()
        .stream()
        .filter(successor -> consumeHash(successor.tokenHash(), now))
        .findFirst();
  }

  private boolean consumeHash(String hash, Instant now) {
    return em.createNamedQuery("RefreshToken.consume")
            .setParameter("now", now)
            .setParameter("hash", hash)
            .executeUpdate()
        == 1;
  }
}
