package dev.gatehouse.accounts;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;

/**
 * One password check at a time per account, and its failures counted toward a lockout. Each step is
 * one conditional UPDATE in a short transaction of its own, never a write-back of an account read
 * earlier:
 *
 * <ul>
 *   <li>{@link #begin} takes the account for one check (refused while it is locked, or while
 *       another check runs): guesses sent at once cannot outnumber the checks one at a time would
 *       allow, and none is checked while the lock is being decided;
 *   <li>{@link #recordFailure} counts a checked failure, and the one reaching the limit locks the
 *       account;
 *   <li>{@link #recordSuccess} starts the count anew.
 * </ul>
 *
 * A check that never ended (the server stopped during it) holds the account for {@link #CHECK_HOLD}
 * at most: nothing is left that only a later event could undo.
 */
@Stateless
public class LoginAttempts {

  /** Longer than any password check takes, even on a loaded machine. */
  static final Duration CHECK_HOLD = Duration.ofSeconds(10);

  @PersistenceContext EntityManager em;

  /** Takes the account for one password check; false when it is locked or being checked. */
  public boolean begin(String subject, Instant now) {
    return em.createQuery(
                "UPDATE Account a SET a.checkingUntil = :until WHERE a.subject = :subject"
                    + " AND (a.lockedUntil IS NULL OR a.lockedUntil <= :now)"
                    + " AND (a.checkingUntil IS NULL OR a.checkingUntil <= :now)")
            .setParameter("until", now.plus(CHECK_HOLD))
            .setParameter("subject", subject)
            .setParameter("now", now)
            .executeUpdate()
        == 1;
  }

  /** What one failure left: the failures in a row now, and whether it locked the account. */
  public record Failure(int inARow, boolean locked) {}

  /**
   * Counts a checked failure and ends the check; the failure that reaches {@code maxFailures} locks
   * the account, and the count starts anew for when the lock ends.
   */
  public Failure recordFailure(String subject, Instant now, int maxFailures, Duration lockout) {
    em.createQuery(
            "UPDATE Account a SET a.failedLogins = a.failedLogins + 1, a.checkingUntil = NULL"
                + " WHERE a.subject = :subject")
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

  /** A checked success: the count starts anew and the check ends. */
  public void recordSuccess(String subject) {
    em.createQuery(
            "UPDATE Account a SET a.failedLogins = 0, a.lockedUntil = NULL, a.checkingUntil = NULL"
                + " WHERE a.subject = :subject")
        .setParameter("subject", subject)
        .executeUpdate();
  }
}
