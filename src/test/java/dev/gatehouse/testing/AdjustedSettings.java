package dev.gatehouse.testing;

import static dev.gatehouse.testing.TestServer.request;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.junit.jupiter.api.function.Executable;

/** Runs a container test with one token setting overridden (see {@link SettingsProbe}). */
public final class AdjustedSettings {

  public static final String GRACE = AdjustableTokenSettings.GRACE;
  public static final String MAX_LIFETIME = AdjustableTokenSettings.MAX_LIFETIME;

  private AdjustedSettings() {}

  /**
   * Runs {@code test} with setting {@code name} at {@code value}, and restores it whatever happens.
   */
  public static void with(String name, Duration value, Executable test) throws Throwable {
    String path = "/test-only/settings/" + name;
    try (Response set = request(path).put(Entity.text(value.toString()))) {
      assertEquals(204, set.getStatus());
    }
    try {
      test.execute();
    } finally {
      request(path).delete().close();
    }
  }
}
