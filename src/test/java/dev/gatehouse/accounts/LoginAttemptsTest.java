package dev.gatehouse.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.testing.FreshDatabase;
import dev.gatehouse.testing.JpaDatabase;
import jakarta.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One password check at a time per account, and the lockout, on the real schema (H2; PostgreSQL in
 * its profile).
 */
@Tag(FreshDatabase.TAG)
class LoginAttemptsTest {

  static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");
  static final int MAX = 5;
  static final Duration LOCKOUT = Duration.ofMinutes(15);

  @RegisterExtension static final JpaDatabase db = new JpaDatabase();

  /** Guesses sent at once beside a check are refused unchecked. */
  @Test
  void beginWhenAnotherCheckRunsThenRefusedUntilItEnds() {
    String subject = account();
    assertTrue(begin(subject, T0));

    assertFalse(begin(subject, T0), "a second check at the same moment");
    in(a -> a.recordFailure(subject, T0, MAX, LOCKOUT));
    assertTrue(begin(subject, T0.plusMillis(1)), "the first check has ended");
  }

  /** A check that never ended (the server stopped during it) holds the account a few seconds. */
  @Test
  void beginWhenACheckNeverEndedThenFreeAgainAfterItsHold() {
    String subject = account();
    assertTrue(begin(subject, T0));

    assertFalse(begin(subject, T0.plus(LoginAttempts.CHECK_HOLD).minusMillis(1)));
    assertTrue(begin(subject, T0.plus(LoginAttempts.CHECK_HOLD)));
  }

  @Test
  void recordFailureWhenTheLimitIsReachedThenLockedUntilTheLockoutEnds() {
    String subject = account();
    for (int i = 1; i < MAX; i++) {
      assertEquals(new LoginAttempts.Failure(i, false), fail(subject, T0, MAX));
    }

    assertEquals(new LoginAttempts.Failure(MAX, true), fail(subject, T0, MAX));
    assertFalse(begin(subject, T0.plus(LOCKOUT).minusSeconds(1)), "locked");
    assertTrue(begin(subject, T0.plus(LOCKOUT)), "the lock has ended");
    in(a -> a.recordFailure(subject, T0.plus(LOCKOUT), MAX, LOCKOUT));
    assertTrue(begin(subject, T0.plus(LOCKOUT)), "the count started anew: one failure, no lock");
  }

  @Test
  void recordSuccessWhenFailuresBeforeThenTheCountStartsAnew() {
    String subject = account();
    for (int i = 1; i < MAX; i++) {
      fail(subject, T0, MAX);
    }
    assertTrue(begin(subject, T0));
    in(
        a -> {
          a.recordSuccess(subject);
          return null;
        });

    assertEquals(new LoginAttempts.Failure(1, false), fail(subject, T0, MAX));
  }

  /** Counts above a lowered limit lock at the next failure: no state only an event could undo. */
  @Test
  void recordFailureWhenTheLimitWasLoweredBelowTheCountThenTheNextFailureLocks() {
    String subject = account();
    for (int i = 1; i <= 7; i++) {
      fail(subject, T0, 10);
    }

    assertEquals(new LoginAttempts.Failure(MAX, true), fail(subject, T0, MAX));
  }

  private static LoginAttempts.Failure fail(String subject, Instant now, int max) {
    assertTrue(begin(subject, now), "a check may begin");
    return in(a -> a.recordFailure(subject, now, max, LOCKOUT));
  }

  private static boolean begin(String subject, Instant now) {
    return in(a -> a.begin(subject, now));
  }

  private static <T> T in(Function<LoginAttempts, T> work) {
    List<T> result = new ArrayList<>();
    db.inTransaction(
        em -> {
          LoginAttempts attempts = new LoginAttempts();
          attempts.em = em;
          result.add(work.apply(attempts));
        });
    return result.get(0);
  }

  private static String account() {
    String subject = UUID.randomUUID().toString();
    db.inTransaction(
        em ->
            em.persist(
                new Account(
                    subject,
                    "user-" + subject.substring(0, 8),
                    "hash",
                    Json.createObjectBuilder().build(),
                    List.of(),
                    T0)));
    return subject;
  }
}
