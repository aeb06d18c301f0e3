package dev.gatehouse.registration;

import dev.gatehouse.config.RegistrationSettings;
import dev.gatehouse.protocol.OAuthError;
import dev.gatehouse.protocol.OAuthException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A per-instance, per-address fixed-window limit on registration requests. (A limiter shared by all
 * instances comes with the shared rate-limiting issue.)
 */
@ApplicationScoped
public class RegistrationRateLimiter {

  private static final int MAX_TRACKED = 10_000;

  @Inject RegistrationSettings settings;

  private final Map<String, long[]> windows = new ConcurrentHashMap<>();

  /** Counts a request from {@code address}; 429 when over the limit for the current minute. */
  public void check(String address) {
    int limit = settings.rateLimitPerMinute();
    if (limit <= 0) {
      return;
    }
    long minute = System.currentTimeMillis() / 60_000;
    if (windows.size() > MAX_TRACKED) {
      windows.values().removeIf(w -> w[0] != minute);
    }
    long[] window =
        windows.compute(
            address,
            (k, w) -> {
              if (w == null || w[0] != minute) {
                return new long[] {minute, 1};
              }
              w[1]++;
              return w;
            });
    if (window[1] > limit) {
      throw new OAuthException(
          OAuthError.TOO_MANY_REQUESTS, "Too many registration requests; retry in a minute");
    }
  }
}
