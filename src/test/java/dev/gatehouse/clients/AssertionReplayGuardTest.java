package dev.gatehouse.clients;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.testing.FreshDatabase;
import dev.gatehouse.testing.JpaDatabase;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The jti record of client assertions, on the real schema (H2; PostgreSQL in its profile). */
@Tag(FreshDatabase.TAG)
class AssertionReplayGuardTest {

  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  static final Instant UNTIL = NOW.plusSeconds(60);

  @RegisterExtension static final JpaDatabase db = new JpaDatabase();

  @Test
  void firstUseWhenRecordedBeforeThenFalseForThatClientOnly() {
    assertTrue(firstUse("client-a", "jti-1"));
    assertFalse(firstUse("client-a", "jti-1"), "a replay");
    assertTrue(firstUse("client-b", "jti-1"), "another client's jti is its own");
  }

  /**
   * Two first uses at once: the second one's check finds nothing committed, and its insert meets
   * the first's row at the primary key; the database holds it there until the first commits (within
   * its 5 s lock timeout), then refuses it.
   */
  @Test
  void firstUseWhenAnotherTransactionRecordsTheSameJtiMeanwhileThenConcurrentUse()
      throws Exception {
    EntityManager first = db.entityManager();
    try {
      first.getTransaction().begin();
      assertTrue(guard(first).firstUse("client-race", "jti-race", UNTIL, NOW));
      CompletableFuture<Boolean> second =
          CompletableFuture.supplyAsync(() -> firstUse("client-race", "jti-race"));
      Thread.sleep(1000); // the second reaches its insert and waits on the first's row
      first.getTransaction().commit();

      ExecutionException failure =
          assertThrows(ExecutionException.class, () -> second.get(10, TimeUnit.SECONDS));
      assertInstanceOf(AssertionReplayGuard.ConcurrentUse.class, failure.getCause());
    } finally {
      if (first.getTransaction().isActive()) {
        first.getTransaction().rollback();
      }
      first.close();
    }
    assertFalse(firstUse("client-race", "jti-race"), "recorded once, by the first");
  }

  /** Any other database failure stays one: never taken for a replay. */
  @Test
  void firstUseWhenTheDatabaseFailsOtherwiseThenThatFailureNotConcurrentUse() {
    EntityManager first = db.entityManager();
    try {
      first.getTransaction().begin();
      assertTrue(guard(first).firstUse("client-slow", "jti-slow", UNTIL, NOW));

      // The second waits on the first's uncommitted row until the lock timeout (5 s).
      RuntimeException failure =
          assertThrows(RuntimeException.class, () -> firstUse("client-slow", "jti-slow"));
      assertFalse(failure instanceof AssertionReplayGuard.ConcurrentUse, failure.toString());
    } finally {
      // Its row lock released whatever happened, so that the database can be dropped.
      if (first.getTransaction().isActive()) {
        first.getTransaction().rollback();
      }
      first.close();
    }
  }

  private static boolean firstUse(String clientId, String jti) {
    return db.fromTransaction(em -> guard(em).firstUse(clientId, jti, UNTIL, NOW));
  }

  private static AssertionReplayGuard guard(EntityManager em) {
    AssertionReplayGuard guard = new AssertionReplayGuard();
    guard.em = em;
    return guard;
  }
}
