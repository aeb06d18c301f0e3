package dev.gatehouse.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.config.CleanupSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One purge run with the database replaced by a function per rule: a failing table does not stop
 * the others, and a run that reaches its per-table limit says so.
 */
class ExpiredRowPurgerTest {

  static final int BATCH = 5;

  private final Logger log = Logger.getLogger(ExpiredRowPurger.class.getName());
  private final List<LogRecord> records = new ArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  ExpiredRowPurgerTest() {
    log.addHandler(capture);
  }

  @AfterEach
  void detach() {
    log.removeHandler(capture);
  }

  @Test
  void purgeWhenOneTableFailsThenTheOthersArePurgedAndTheFailureLogged() {
    ExpiredRowPurger purger =
        purger(rule -> rule.name().equals("refresh tokens") ? fail() : rule.name().length() % 3);

    Map<String, Integer> purged = purger.purge(Instant.now());

    List<String> expected = new ArrayList<>();
    for (PurgeRule rule : PurgeRules.all(BATCH)) {
      if (!rule.name().equals("refresh tokens") && rule.name().length() % 3 > 0) {
        expected.add(rule.name());
      }
    }
    assertEquals(expected, List.copyOf(purged.keySet()), "every other rule ran, in order");
    assertTrue(
        records.stream()
            .anyMatch(
                r ->
                    r.getLevel() == Level.WARNING
                        && r.getMessage().contains("refresh tokens failed")),
        "the failure is logged");
  }

  @Test
  void purgeWhenTableStillFullAfterTheLastBatchOfTheRunThenWarns() {
    ExpiredRowPurger purger = purger(rule -> rule.name().equals("access tokens") ? BATCH : 0);

    Map<String, Integer> purged = purger.purge(Instant.now());

    assertEquals(Map.of("access tokens", BATCH * PurgeRules.MAX_BATCHES_PER_RUN), purged);
    List<String> warnings =
        records.stream()
            .filter(r -> r.getLevel() == Level.WARNING)
            .map(r -> r.getMessage())
            .toList();
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).contains("access tokens stopped at its limit"), warnings.get(0));
  }

  @Test
  void purgeWhenBacklogSmallerThanTheLimitThenNoWarning() {
    ExpiredRowPurger purger = purger(rule -> BATCH - 1);

    purger.purge(Instant.now());

    assertTrue(records.stream().noneMatch(r -> r.getLevel() == Level.WARNING));
  }

  private static int fail() {
    throw new IllegalStateException("table locked");
  }

  /** A purger whose batches delete what {@code rows} says for each rule. */
  private static ExpiredRowPurger purger(ToIntFunction<PurgeRule> rows) {
    ExpiredRowPurger purger = new ExpiredRowPurger();
    purger.settings = settings();
    purger.purge =
        new PurgeService() {
          @Override
          public int deleteBatch(PurgeRule rule, Instant cutoff) {
            return rows.applyAsInt(rule);
          }
        };
    return purger;
  }

  private static CleanupSettings settings() {
    CleanupSettings settings = new CleanupSettings();
    try {
      set(settings, "interval", Duration.ofMinutes(10));
      set(settings, "batchSize", BATCH);
      set(settings, "retention", Duration.ofDays(1));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    return settings;
  }

  private static void set(Object target, String field, Object value)
      throws ReflectiveOperationException {
    var f = target.getClass().getDeclaredField(field);
    f.setAccessible(true);
    f.set(target, value);
  }
}
