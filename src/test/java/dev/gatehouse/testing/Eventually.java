package dev.gatehouse.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits for what the server does in its own time (a timer, a log record). */
public final class Eventually {

  private Eventually() {}

  /** Asks {@code condition} every 250 ms until it holds; fails the test after {@code within}. */
  public static void await(BooleanSupplier condition, Duration within, String what) {
    Instant deadline = Instant.now().plus(within);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        fail("not within " + within + ": " + what);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted");
      }
    }
  }
}
