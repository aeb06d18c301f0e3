package dev.gatehouse.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class FailuresTest {

  @Test
  void isConstraintViolationWhenSqlStateClass23AnywhereInTheChainOnly() {
    assertTrue(
        Failures.isConstraintViolation(
            new PersistenceException("flush", new SQLException("unique", "23505"))));
    assertTrue(Failures.isConstraintViolation(new SQLException("pk", "23000")));
    assertFalse(
        Failures.isConstraintViolation(
            new PersistenceException("flush", new SQLException("lost", "08006"))),
        "a lost connection is no duplicate");
    assertFalse(
        Failures.isConstraintViolation(
            new PersistenceException("timeout", new SQLException("lock", "HYT00"))));
    assertFalse(Failures.isConstraintViolation(new PersistenceException("no cause")));
  }

  @Test
  void isOptimisticLockConflictWhenInTheChainOnly() {
    assertTrue(
        Failures.isOptimisticLockConflict(
            new EJBException(new RuntimeException(new OptimisticLockException("stale")))));
    assertFalse(
        Failures.isOptimisticLockConflict(
            new EJBException(new PersistenceException(new SQLException("down", "08001")))));
  }
}
