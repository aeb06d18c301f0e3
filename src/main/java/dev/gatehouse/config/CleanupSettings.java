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

  /** Time between purge runs; zero or negative switches the purge off. */
  public Duration interval() {
    return interval;
  }

  public boolean enabled() {
    return !(interval.isZero() || interval.isNegative());
  }

  /** Rows deleted per transaction, at least 1. */
  public int batchSize() {
    if (batchSize < 1) {
      throw new IllegalStateException("oidc.cleanup.batch-size must be at least 1");
    }
    return batchSize;
  }

  /** How long an entry is kept after it expired, was revoked or ended. */
  public Duration retention() {
    return retention.isNegative() ? Duration.ZERO : retention;
  }
}
