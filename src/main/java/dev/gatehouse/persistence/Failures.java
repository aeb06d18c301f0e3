package dev.gatehouse.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;

/**
 * What a database failure was, read from its cause chain: a constraint violation (SQLState class
 * 23, as H2 and PostgreSQL report a unique or primary key violation) or an optimistic lock
 * conflict. Anything else (a lost connection, a lock timeout) is neither, and callers rethrow it.
 */
public final class Failures {

  private Failures() {}

  /**
   * Inserts a new row now (persist and flush); false when a unique or primary key constraint
   * refused it (another transaction inserted the same key at the same moment; this transaction is
   * then marked for rollback). Other failures are thrown.
   */
  public static boolean insertNow(EntityManager em, Object entity) {
    try {
      em.persist(entity);
      em.flush();
      return true;
    } catch (PersistenceException e) {
      if (isConstraintViolation(e)) {
        return false;
      }
      throw e;
    }
  }

  /** Whether a constraint (unique, primary key) refused the write. */
  public static boolean isConstraintViolation(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("23")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** Whether another transaction changed the same versioned row first. */
  public static boolean isOptimisticLockConflict(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof OptimisticLockException
          || t.getClass().getName().equals("org.hibernate.StaleStateException")
          || t.getClass().getName().equals("org.hibernate.StaleObjectStateException")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
