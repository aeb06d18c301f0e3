package dev.gatehouse.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CleanupSettingsTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 500, CleanupSettings.MAX_BATCH_SIZE})
  void batchSizeWhenInRangeThenUsed(int size) {
    assertEquals(size, settings(size).batchSize());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, CleanupSettings.MAX_BATCH_SIZE + 1})
  void batchSizeWhenOutOfRangeThenRefusedAtDeploy(int size) {
    assertThrows(IllegalStateException.class, () -> settings(size).batchSize());
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT0S", "PT10M"})
  void intervalAndRetentionWhenZeroOrPositiveThenUsed(String value) {
    CleanupSettings settings = settings(500);
    settings.interval = Duration.parse(value);
    settings.retention = Duration.parse(value);

    assertEquals(Duration.parse(value), settings.interval());
    assertEquals(Duration.parse(value), settings.retention());
    assertEquals(!"PT0S".equals(value), settings.enabled(), "PT0S switches the purge off");
  }

  /** A timer interval rounded down to 0 ms would be no interval at all. */
  @ParameterizedTest
  @ValueSource(strings = {"PT0.0005S", "PT0.5S"})
  void intervalWhenUnderASecondThenRefusedAtDeploy(String value) {
    CleanupSettings settings = settings(500);
    settings.interval = Duration.parse(value);

    assertThrows(IllegalStateException.class, settings::interval);
  }

  @Test
  void intervalOrRetentionWhenNegativeThenRefusedAtDeploy() {
    CleanupSettings settings = settings(500);
    settings.interval = Duration.ofMinutes(-10);
    settings.retention = Duration.ofDays(-1);

    assertThrows(IllegalStateException.class, settings::interval);
    assertThrows(IllegalStateException.class, settings::enabled);
    assertThrows(IllegalStateException.class, settings::retention);
  }

  private static CleanupSettings settings(int batchSize) {
    CleanupSettings settings = new CleanupSettings();
    settings.batchSize = batchSize;
    return settings;
  }
}
