package dev.gatehouse.persistence;

import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;

/**
 * What a database failure was, read from its cause chain: a constraint violation (SQLState class
 * 23, as H2 and PostgreSQL report a unique or primary key violation) or an optimistic lock
 * conflict. Anything else (a lost connection, a lock timeout) is neither, and callers rethrow it.
 */
public final class Failures {

  private Failures() {}

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
