package dev.gatehouse.persistence;

/**
 * One kind of row the purge deletes: a name for the log, and one DELETE of at most a batch of rows
 * whose every {@code ?} is the cutoff (rows expired, revoked or ended before it go).
 */
public record PurgeRule(String name, String sql) {

  int parameterCount() {
    return (int) sql.chars().filter(c -> c == '?').count();
  }
}
