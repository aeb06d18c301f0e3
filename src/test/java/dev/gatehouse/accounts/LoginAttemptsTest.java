package dev.gatehouse.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.testing.JpaDatabase;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Login attempts counted before the password is checked, on the real schema (H2). */
class LoginAttemptsTest {

  static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");
  static final int MAX = 5;
  static final Duration LOCKOUT = Duration.ofMinutes(15);

  @RegisterExtension static final JpaDatabase db = new JpaDatabase();

  /** Guesses sent at once: no more than the limit are let through to the password check. */
  @Test
  void reserveWhenAsManyAttemptsAsTheLimitCountedThenRefused() {
    String subject = account();
    for (int i = 0; i < MAX; i++) {
      assertTrue(reserve(subject, T0), "attempt " + (i + 1));
    }

    assertFalse(reserve(subject, T0), "the sixth, while five are being checked");
  }

  @Test
  void recordFailureWhenTheLimitIsReachedThenLockedUntilTheLockoutEnds() {
    String subject = account();
    for (int i = 0; i < MAX - 1; i++) {
      assertTrue(reserve(subject, T0));
      assertEquals(
          new LoginAttempts.Failure(i + 1, false),
          in(a -> a.recordFailure(subject, T0, MAX, LOCKOUT)));
    }
    assertTrue(reserve(subject, T0));

    assertEquals(
        new LoginAttempts.Failure(MAX, true), in(a -> a.recordFailure(subject, T0, MAX, LOCKOUT)));
    assertFalse(reserve(subject, T0.plus(LOCKOUT).minusSeconds(1)), "locked");
    assertTrue(reserve(subject, T0.plus(LOCKOUT)), "the lock has ended, the count started anew");
  }

  /** The right password among failures sent at once: refused if they locked the account first. */
  @Test
  void recordSuccessWhenLockedMeanwhileThenFalseAndTheLockKept() {
    String subject = account();
    for (int i = 0; i < MAX; i++) {
      assertTrue(reserve(subject, T0));
    }
    in(a -> a.recordFailure(subject, T0, MAX, LOCKOUT));

    assertFalse(success(subject, T0.plusSeconds(1)));
    assertFalse(reserve(subject, T0.plusSeconds(2)), "still locked");
  }

  @Test
  void recordSuccessWhenNotLockedThenTheCountStartsAnew() {
    String subject = account();
    for (int i = 0; i < MAX; i++) {
      assertTrue(reserve(subject, T0));
    }

    assertTrue(success(subject, T0));
    assertTrue(reserve(subject, T0), "five attempts free again");
  }

  private static boolean success(String subject, Instant now) {
    return in(a -> a.recordSuccess(subject, now));
  }

  private static boolean reserve(String subject, Instant now) {
    return in(a -> a.reserve(subject, now, MAX));
  }

  private static <T> T in(Function<LoginAttempts, T> work) {
    List<T> result = new java.util.ArrayList<>();
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
        (EntityManager em) ->
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
