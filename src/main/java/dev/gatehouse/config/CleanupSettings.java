package dev.gatehouse.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The purge of expired, used and revoked entries: how often, how much at a time, how long kept. */
@ApplicationScoped
public class CleanupSettings {

  @Inject
  @ConfigProperty(name = "oidc.cleanup.interval")
  Duration interval;

  @Inject
  @ConfigProperty(name = "oidc.cleanup.batch-size")
  int batchSize;

  @Inject
  @ConfigProperty(name = "oidc.cleanup.retention")
  Duration retention;

  /** The shortest time between purge runs (the timer counts in milliseconds). */
  static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

  /**
   * Time between purge runs; zero switches the purge off, negative or under a second is refused.
   */
  public Duration interval() {
    if (interval.isNegative() || !interval.isZero() && interval.compareTo(MIN_INTERVAL) < 0) {
      throw new IllegalStateException(
          "oidc.cleanup.interval must be at least PT1S (PT0S switches the purge off)");
    }
    return interval;
  }

  public boolean enabled() {
    return !interval().isZero();
  }

  /** The largest batch: its keys are bound as parameters of one DELETE (PostgreSQL's limit). */
  public static final int MAX_BATCH_SIZE = 10_000;

  /** Rows deleted per transaction, from 1 to {@link #MAX_BATCH_SIZE}. */
  public int batchSize() {
    if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
      throw new IllegalStateException(
          "oidc.cleanup.batch-size must be from 1 to " + MAX_BATCH_SIZE);
    }
    return batchSize;
  }

  /** How long an entry is kept after it expired, was revoked or ended; negative is refused. */
  public Duration retention() {
    if (retention.isNegative()) {
      throw new IllegalStateException("oidc.cleanup.retention must not be negative");
    }
    return retention;
  }
}
