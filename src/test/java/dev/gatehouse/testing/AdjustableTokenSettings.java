package dev.gatehouse.testing;

import dev.gatehouse.config.TokenSettings;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test-only, deployed by the container tests alone: the configured {@link TokenSettings}, except
 * that a test may override the refresh-token retry grace window or the refresh tokens' absolute
 * lifetime for a while through {@link SettingsProbe} (one server start serves all container tests).
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class AdjustableTokenSettings extends TokenSettings {

  static final String GRACE = "refresh-token-reuse-grace";
  static final String MAX_LIFETIME = "refresh-token-max-lifetime";

  private static final Map<String, Duration> OVERRIDES = new ConcurrentHashMap<>();

  /** Overrides one setting (null: back to its configured value); false for an unknown name. */
  static boolean override(String name, Duration value) {
    if (!GRACE.equals(name) && !MAX_LIFETIME.equals(name)) {
      return false;
    }
    if (value == null) {
      OVERRIDES.remove(name);
    } else {
      OVERRIDES.put(name, value);
    }
    return true;
  }

  @Override
  public Duration refreshTokenReuseGrace() {
    return OVERRIDES.getOrDefault(GRACE, super.refreshTokenReuseGrace());
  }

  @Override
  public Duration refreshTokenMaxLifetime() {
    return OVERRIDES.getOrDefault(MAX_LIFETIME, super.refreshTokenMaxLifetime());
  }
}
