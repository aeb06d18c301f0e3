package dev.gatehouse.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Two transactions on one row in a fixed order, where a race of threads may happen to run them one
 * after another: the first changes the row and holds its transaction open while the second tries.
 */
public final class Interleaved {

  private Interleaved() {}

  /**
   * Runs {@code first} in a transaction left open (it must answer true), then {@code second} in its
   * own transaction on another thread, which must still be waiting (for the row lock) after 500 ms;
   * then commits the first transaction, or rolls it back, and returns the second's answer.
   */
  public static boolean secondOnceFirstEnds(
      JpaDatabase db,
      Predicate<EntityManager> first,
      Predicate<EntityManager> second,
      boolean commitFirst)
      throws Exception {
    ExecutorService other = Executors.newSingleThreadExecutor();
    EntityManager em = db.entityManager();
    try {
      em.getTransaction().begin();
      assertTrue(first.test(em), "the first transaction's change");

      Future<Boolean> waiting = other.submit(() -> db.fromTransaction(second::test));
      assertThrows(
          TimeoutException.class,
          () -> waiting.get(500, TimeUnit.MILLISECONDS),
          "the second transaction waits for the first's row lock");

      if (commitFirst) {
        em.getTransaction().commit();
      } else {
        em.getTransaction().rollback();
      }
      return waiting.get(4, TimeUnit.SECONDS);
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
      other.shutdownNow();
    }
  }
}
