package dev.gatehouse.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.config.CleanupSettings;
import dev.gatehouse.config.TokenSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
    List<String> asked = new ArrayList<>();
    ExpiredRowPurger purger =
        purger(
            rule -> {
              asked.add(rule.name());
              return rule.name().equals("refresh tokens") ? fail() : rule.name().length() % 3;
            });

    Map<String, Integer> purged = purger.purge(Instant.now());

    List<String> all = new ArrayList<>();
    List<String> deletedSome = new ArrayList<>();
    for (PurgeRule rule : PurgeRules.all(BATCH, Duration.ZERO)) {
      all.add(rule.name());
      if (!rule.name().equals("refresh tokens") && rule.name().length() % 3 > 0) {
        deletedSome.add(rule.name());
      }
    }
    assertEquals(all, asked, "every rule ran once, in order, the failing one too");
    assertEquals(
        deletedSome,
        List.copyOf(purged.keySet()),
        "reported: the rules that deleted rows, not the failing one");
    assertTrue(
        records.stream()
            .anyMatch(
                r ->
                    r.getLevel() == Level.WARNING
                        && r.getMessage().contains("refresh tokens failed")),
        "the failure is logged");
  }

  @Test
  void firstRunDelayWhenLongIntervalThenWithinAMinuteOfTheStartNotAWholeIntervalLater() {
    java.util.Random low = new java.util.Random(1);
    for (int i = 0; i < 1000; i++) {
      Duration first = ExpiredRowPurger.firstRunDelay(Duration.ofDays(1), low);
      assertTrue(first.compareTo(Duration.ofSeconds(30)) >= 0, first.toString());
      assertTrue(first.compareTo(Duration.ofMinutes(1)) <= 0, first.toString());
    }
    java.util.Set<Duration> seen = new java.util.HashSet<>();
    for (int i = 0; i < 20; i++) {
      seen.add(ExpiredRowPurger.firstRunDelay(Duration.ofMinutes(10), low));
    }
    assertTrue(seen.size() > 1, "instances started together do not all run at once");
  }

  @Test
  void firstRunDelayWhenIntervalShorterThanAMinuteThenWithinOneInterval() {
    for (long seed = 0; seed < 200; seed++) {
      Duration first =
          ExpiredRowPurger.firstRunDelay(Duration.ofSeconds(2), new java.util.Random(seed));
      assertTrue(first.compareTo(Duration.ofSeconds(1)) >= 0, first.toString());
      assertTrue(first.compareTo(Duration.ofSeconds(2)) <= 0, first.toString());
    }
  }

  @Test
  void scheduleWhenRetentionNegativeThenDeploymentFailsBeforeAnyTimer() throws Exception {
    ExpiredRowPurger purger = purger(rule -> 0);
    set(purger.settings, "retention", Duration.ofDays(-1));

    assertThrows(IllegalStateException.class, purger::schedule);
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

  /**
   * Bean-managed concurrency lets a timeout start while the previous run still works (a run that
   * outlasts the interval): that second run does nothing, and the next one after it runs again.
   */
  @Test
  void onTimerWhenThePreviousRunIsStillWorkingThenTheNewRunDoesNothing() throws Exception {
    CountDownLatch inFirstRun = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger batches = new AtomicInteger();
    ExpiredRowPurger purger =
        purger(
            rule -> {
              if (batches.getAndIncrement() == 0) {
                inFirstRun.countDown();
                await(release);
              }
              return 0;
            });
    Thread first = new Thread(purger::onTimer);
    first.start();
    assertTrue(inFirstRun.await(10, TimeUnit.SECONDS));

    purger.onTimer(); // overlaps the first run

    assertEquals(1, batches.get(), "the overlapping run deleted nothing");
    release.countDown();
    first.join(10_000);
    int afterFirst = batches.get();
    assertEquals(
        PurgeRules.all(BATCH, Duration.ZERO).size(), afterFirst, "the first run did every rule");
    purger.onTimer();
    assertEquals(2 * afterFirst, batches.get(), "once it ended, the next run works again");
  }

  @Test
  void purgeWhenRetryGraceLongerThanRetentionThenRotatedRefreshTokensKeptForTheGrace() {
    Map<String, Instant> cutoffs = new java.util.HashMap<>();
    ExpiredRowPurger purger = purger(rule -> 0);
    purger.purge =
        new PurgeService() {
          @Override
          public int deleteBatch(PurgeRule rule, Instant cutoff) {
            cutoffs.put(rule.name(), cutoff);
            return 0;
          }
        };
    purger.tokenSettings = grace(Duration.ofMinutes(1));
    Instant now = Instant.parse("2026-06-01T12:00:00Z");
    Instant hourAgo = now.minus(Duration.ofHours(1));

    purger.purge(now);
    assertEquals(now.minus(RETENTION), cutoffs.get("rotated refresh tokens"), "the retention");
    assertEquals(now.minus(RETENTION), cutoffs.get("refresh tokens"), "the retention");
    assertEquals(now.minus(RETENTION), cutoffs.get("access tokens"));

    purger.settings = settings(Duration.ofSeconds(10));
    purger.purge(hourAgo);
    assertEquals(hourAgo.minus(Duration.ofMinutes(1)), cutoffs.get("rotated refresh tokens"));
    assertEquals(hourAgo.minus(Duration.ofSeconds(10)), cutoffs.get("refresh tokens"));
  }

  private static void await(CountDownLatch latch) {
    try {
      assertTrue(latch.await(10, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int fail() {
    throw new IllegalStateException("table locked");
  }

  /** A purger whose batches delete what {@code rows} says for each rule. */
  private static ExpiredRowPurger purger(ToIntFunction<PurgeRule> rows) {
    ExpiredRowPurger purger = new ExpiredRowPurger();
    purger.settings = settings();
    purger.tokenSettings = grace(Duration.ZERO);
    purger.purge =
        new PurgeService() {
          @Override
          public int deleteBatch(PurgeRule rule, Instant cutoff) {
            return rows.applyAsInt(rule);
          }
        };
    return purger;
  }

  private static TokenSettings grace(Duration grace) {
    return new TokenSettings() {
      @Override
      public Duration refreshTokenReuseGrace() {
        return grace;
      }
    };
  }

  /** Not the default (1 day), so that a retention taken from elsewhere shows. */
  private static final Duration RETENTION = Duration.ofHours(7);

  private static CleanupSettings settings() {
    return settings(RETENTION);
  }

  private static CleanupSettings settings(Duration retention) {
    CleanupSettings settings = new CleanupSettings();
    try {
      set(settings, "interval", Duration.ofMinutes(10));
      set(settings, "batchSize", BATCH);
      set(settings, "retention", retention);
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
