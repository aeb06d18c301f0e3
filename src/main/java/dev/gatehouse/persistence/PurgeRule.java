package dev.gatehouse.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * One kind of row the purge deletes: a name for the log, the table and its key columns, a SELECT of
 * the keys of at most a batch of rows, locked, whose every {@code ?} is the cutoff (rows expired,
 * revoked or ended before it go), and how long before the run the cutoff lies at least (beyond the
 * retention, when the rows are still needed for longer).
 */
public record PurgeRule(
    String name, String table, List<String> key, String select, Duration minimumAge) {

  public PurgeRule {
    key = List.copyOf(key);
    minimumAge = minimumAge.isNegative() ? Duration.ZERO : minimumAge;
  }

  public PurgeRule(String name, String table, List<String> key, String select) {
    this(name, table, key, select, Duration.ZERO);
  }

  /** The cutoff of this rule in a run at {@code now} with the retention's cutoff. */
  Instant cutoff(Instant now, Instant retentionCutoff) {
    Instant byAge = now.minus(minimumAge);
    return byAge.isBefore(retentionCutoff) ? byAge : retentionCutoff;
  }

  int parameterCount() {
    return (int) select.chars().filter(c -> c == '?').count();
  }

  /** The DELETE of {@code rows} rows by key: {@code k IN (?, ...)} or {@code (k1, k2) IN (...)}. */
  String delete(int rows) {
    boolean single = key.size() == 1;
    String columns = single ? key.get(0) : "(" + String.join(", ", key) + ")";
    String row = single ? "?" : "(" + String.join(", ", Collections.nCopies(key.size(), "?")) + ")";
    return "DELETE FROM "
        + table
        + " WHERE "
        + columns
        + " IN ("
        + String.join(", ", Collections.nCopies(rows, row))
        + ")";
  }
}
