package dev.gatehouse.testing;

import dev.gatehouse.config.TokenSettings;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Test-only, deployed by the container tests alone: the configured {@link TokenSettings}, except
 * that a test may switch the refresh-token retry grace window on for a while through {@link
 * SettingsProbe} (one server start serves all container tests, and the window is off by default).
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class AdjustableTokenSettings extends TokenSettings {

  private static final AtomicReference<Duration> GRACE = new AtomicReference<>();

  static void grace(Duration grace) {
    GRACE.set(grace);
  }

  @Override
  public Duration refreshTokenReuseGrace() {
    Duration grace = GRACE.get();
    return grace == null ? super.refreshTokenReuseGrace() : grace;
  }
}
