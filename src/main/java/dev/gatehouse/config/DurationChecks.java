package dev.gatehouse.config;

import java.time.Duration;

/** Checks of configured durations, each failing the deployment with the key it names. */
final class DurationChecks {

  private DurationChecks() {}

  /** A lifetime: zero or less would end what it times as it begins. */
  static void requirePositive(String key, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalStateException(key + " must be longer than zero");
    }
  }
}
