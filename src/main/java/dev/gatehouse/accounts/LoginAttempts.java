package dev.gatehouse.accounts;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;

/**
 * Counts failed logins of an account and locks it once they reach the limit. Each count is one
 * atomic UPDATE in a short transaction of its own, never a write-back of the account read earlier:
 * failures sent at once all count (none overwrites another's count, none fails on another's write).
 */
@Stateless
public class LoginAttempts {

  @PersistenceContext EntityManager em;

  /** What one failure left: the failures in a row now, and whether it locked the account. */
  public record Failure(int inARow, boolean locked) {}

  /** Counts a failure; the one reaching {@code maxFailures} locks the account and starts anew. */
  public Failure recordFailure(String subject, Instant now, int maxFailures, Duration lockout) {
    em.createQuery(
            "UPDATE Account a SET a.failedLogins = a.failedLogins + 1 WHERE a.subject = :subject")
        .setParameter("subject", subject)
        .executeUpdate();
    int locked =
        em.createQuery(
                "UPDATE Account a SET a.lockedUntil = :until, a.failedLogins = 0"
                    + " WHERE a.subject = :subject AND a.failedLogins >= :max")
            .setParameter("until", now.plus(lockout))
            .setParameter("subject", subject)
            .setParameter("max", maxFailures)
            .executeUpdate();
    if (locked == 1) {
      return new Failure(maxFailures, true);
    }
    return em.createQuery(
            "SELECT a.failedLogins FROM Account a WHERE a.subject = :subject", Integer.class)
        .setParameter("subject", subject)
        .getResultStream()
        .findFirst()
        .map(inARow -> new Failure(inARow, false))
        .orElse(new Failure(0, false));
  }

  /** A successful login: the count starts anew (no write when there is nothing to reset). */
  public void recordSuccess(String subject) {
    em.createQuery(
            "UPDATE Account a SET a.failedLogins = 0, a.lockedUntil = NULL"
                + " WHERE a.subject = :subject"
                + " AND (a.failedLogins > 0 OR a.lockedUntil IS NOT NULL)")
        .setParameter("subject", subject)
        .executeUpdate();
  }
}
