package dev.gatehouse.clients;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.testing.JpaDatabase;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The jti record of client assertions, on the real schema (H2). */
class AssertionReplayGuardTest {

  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  static final Instant UNTIL = NOW.plusSeconds(60);

  private static JpaDatabase db;

  @BeforeAll
  static void open() {
    db = new JpaDatabase();
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void firstUseWhenRecordedBeforeThenFalseForThatClientOnly() {
    assertTrue(firstUse("client-a", "jti-1"));
    assertFalse(firstUse("client-a", "jti-1"), "a replay");
    assertTrue(firstUse("client-b", "jti-1"), "another client's jti is its own");
  }

  @Test
  void firstUseWhenAnotherTransactionRecordsTheSameJtiMeanwhileThenConcurrentUse()
      throws Exception {
    EntityManager first = db.entityManager();
    try {
      first.getTransaction().begin();
      assertTrue(guard(first).firstUse("client-race", "jti-race", UNTIL, NOW));
      // The second one's check finds nothing committed; its insert meets the first at the key.
      CompletableFuture<Boolean> second =
          CompletableFuture.supplyAsync(() -> firstUse("client-race", "jti-race"));
      Thread.sleep(300);
      first.getTransaction().commit();

      ExecutionException failure =
          assertThrows(ExecutionException.class, () -> second.get(10, TimeUnit.SECONDS));
      assertInstanceOf(AssertionReplayGuard.ConcurrentUse.class, failure.getCause());
    } finally {
      first.close();
    }
    assertFalse(firstUse("client-race", "jti-race"), "recorded once, by the first");
  }

  private static boolean firstUse(String clientId, String jti) {
    boolean[] first = new boolean[1];
    db.inTransaction(em -> first[0] = guard(em).firstUse(clientId, jti, UNTIL, NOW));
    return first[0];
  }

  private static AssertionReplayGuard guard(EntityManager em) {
    AssertionReplayGuard guard = new AssertionReplayGuard();
    guard.em = em;
    return guard;
  }
}
