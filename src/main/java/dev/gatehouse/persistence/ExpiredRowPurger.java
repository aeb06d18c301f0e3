package dev.gatehouse.persistence;

import dev.gatehouse.config.CleanupSettings;
import dev.gatehouse.config.TokenSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * Purges expired, used and revoked entries on a timer (every {@code oidc.cleanup.interval}, on each
 * instance, the first run within a minute of a start; concurrent purges of one database are
 * harmless): codes, access and refresh token records, grants, sessions, pending requests and
 * client-assertion jti values, once they are older than {@code oidc.cleanup.retention}. A rotated
 * refresh token goes after the retention too (and never within the retry grace window): its grant's
 * refresh family still tells its reuse (RFC 9700 §4.14.2). Of a grant begun before families existed
 * it stays until every refresh token of that grant has expired, plus the retention.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ExpiredRowPurger {

  private static final Logger LOG = Logger.getLogger(ExpiredRowPurger.class.getName());

  /** The latest a first run comes after a start. */
  static final Duration FIRST_RUN_CAP = Duration.ofMinutes(1);

  @Inject CleanupSettings settings;
  @Inject TokenSettings tokenSettings;
  @Inject PurgeService purge;
  @Resource TimerService timers;

  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicLong completedRuns = new AtomicLong();
  private final Map<String, LongAdder> deletedByTable = new ConcurrentHashMap<>();

  @PostConstruct
  void schedule() {
    // A wrong batch size or retention fails the deployment, not every run.
    settings.batchSize();
    settings.retention();
    if (!settings.enabled()) {
      LOG.info("oidc.cleanup.interval is zero: expired entries are never purged");
      return;
    }
    long interval = settings.interval().toMillis();
    long first = firstRunDelay(settings.interval(), ThreadLocalRandom.current()).toMillis();
    timers.createIntervalTimer(first, interval, new TimerConfig("gatehouse-purge", false));
  }

  /**
   * The first run comes soon after a start, not a whole interval later: the timer is not
   * persistent, so an instance restarted more often than its interval (nightly, with {@code P1D})
   * would otherwise never purge. Between half and all of the interval, capped at {@link
   * #FIRST_RUN_CAP}; the random part spreads instances started together.
   */
  static Duration firstRunDelay(Duration interval, RandomGenerator random) {
    long cap = Math.min(interval.toMillis(), FIRST_RUN_CAP.toMillis());
    return Duration.ofMillis(cap / 2 + random.nextLong(cap / 2 + 1));
  }

  @Timeout
  void onTimer() {
    // A run that outlasts the interval is not overlapped by the next one.
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      Map<String, Integer> purged = purge(Instant.now());
      if (!purged.isEmpty()) {
        LOG.info(() -> "Purged expired, used and revoked entries: " + purged);
      }
    } finally {
      completedRuns.incrementAndGet();
      running.set(false);
    }
  }

  /** How many runs this instance has finished since it started. */
  public long completedRuns() {
    return completedRuns.get();
  }

  /** How many rows of the table this instance's runs have deleted since it started. */
  public long deletedFrom(String table) {
    LongAdder deleted = deletedByTable.get(table);
    return deleted == null ? 0 : deleted.sum();
  }

  /** The tables the purge deletes from. */
  public static Set<String> tables() {
    return PurgeRules.all(1, Duration.ZERO).stream()
        .map(PurgeRule::table)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** One run: every rule, in order, in batches; returns the rows deleted per rule (non-zero). */
  Map<String, Integer> purge(Instant now) {
    Instant cutoff = now.minus(settings.retention());
    int batchSize = settings.batchSize();
    Map<String, Integer> purged = new LinkedHashMap<>();
    for (PurgeRule rule : PurgeRules.all(batchSize, tokenSettings.refreshTokenReuseGrace())) {
      Instant ruleCutoff = rule.cutoff(now, cutoff);
      try {
        // Counted batch by batch: a rule failing part-way has committed the batches before.
        int deleted =
            PurgeRules.drain(
                () -> {
                  int batch = purge.deleteBatch(rule, ruleCutoff);
                  deletedByTable.computeIfAbsent(rule.table(), table -> new LongAdder()).add(batch);
                  return batch;
                },
                batchSize);
        if (deleted > 0) {
          purged.put(rule.name(), deleted);
        }
        if (deleted >= batchSize * PurgeRules.MAX_BATCHES_PER_RUN) {
          LOG.warning(
              () ->
                  "Purge of "
                      + rule.name()
                      + " stopped at its limit of "
                      + deleted
                      + " rows per run and goes on at the next run. If this repeats, entries"
                      + " are created faster than they are purged: raise oidc.cleanup.batch-size"
                      + " or shorten oidc.cleanup.interval");
        }
      } catch (RuntimeException e) {
        // One failing table must not stop the others; the next run tries again.
        LOG.log(Level.WARNING, "Purge of " + rule.name() + " failed; the next run retries", e);
      }
    }
    return purged;
  }
}
