package dev.gatehouse.accounts;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;

/**
 * Counts login attempts of an account and locks it once its failures reach the limit. Each attempt
 * is counted before its password is checked, by one conditional UPDATE in a short transaction of
 * its own: of guesses sent at once, no more than the limit are ever checked while the account is
 * not locked, and none overwrites another's count or fails on another's write.
 */
@Stateless
public class LoginAttempts {

  @PersistenceContext EntityManager em;

  /**
   * Counts an attempt about to be checked; false when the account is locked, or when as many
   * attempts as the limit allows are counted already (failed, or being checked right now).
   */
  public boolean reserve(String subject, Instant now, int maxFailures) {
    return em.createQuery(
                "UPDATE Account a SET a.failedLogins = a.failedLogins + 1"
                    + " WHERE a.subject = :subject AND a.failedLogins < :max"
                    + " AND (a.lockedUntil IS NULL OR a.lockedUntil <= :now)")
            .setParameter("subject", subject)
            .setParameter("max", maxFailures)
            .setParameter("now", now)
            .executeUpdate()
        == 1;
  }

  /** What one failure left: the failures in a row now, and whether it locked the account. */
  public record Failure(int inARow, boolean locked) {}

  /**
   * The reserved attempt failed (it stays counted); the failure that finds the limit reached locks
   * the account, and the count starts anew for when the lock ends.
   */
  public Failure recordFailure(String subject, Instant now, int maxFailures, Duration lockout) {
    int locked =
        em.createQuery(
                "UPDATE Account a SET a.lockedUntil = :until, a.failedLogins = 0"
                    + " WHERE a.subject = :subject AND a.failedLogins >= :max"
                    + " AND (a.lockedUntil IS NULL OR a.lockedUntil <= :now)")
            .setParameter("until", now.plus(lockout))
            .setParameter("subject", subject)
            .setParameter("max", maxFailures)
            .setParameter("now", now)
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

  /**
   * The reserved attempt had the right password: the count starts anew. False when failures sent
   * beside it locked the account meanwhile: then it is refused too.
   */
  public boolean recordSuccess(String subject, Instant now) {
    return em.createQuery(
                "UPDATE Account a SET a.failedLogins = 0, a.lockedUntil = NULL"
                    + " WHERE a.subject = :subject"
                    + " AND (a.lockedUntil IS NULL OR a.lockedUntil <= :now)")
            .setParameter("subject", subject)
            .setParameter("now", now)
            .executeUpdate()
        == 1;
  }
}
