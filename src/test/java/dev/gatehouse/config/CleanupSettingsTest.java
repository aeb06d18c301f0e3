package dev.gatehouse.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

  private static CleanupSettings settings(int batchSize) {
    CleanupSettings settings = new CleanupSettings();
    settings.batchSize = batchSize;
    return settings;
  }
}
