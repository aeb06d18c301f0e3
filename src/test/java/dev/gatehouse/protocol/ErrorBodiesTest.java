package dev.gatehouse.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ErrorBodiesTest {

  @Test
  void sanitizeWhenControlCharactersThenReplacedSoNoHeaderCanBeSplit() {
    assertEquals("bad  value here", ErrorBodies.sanitize("bad\r\nvalue\there"));
  }

  @Test
  void sanitizeWhenQuotesAndBackslashesThenOutsideRfc6749CharsetReplaced() {
    assertEquals("the 'x' param y", ErrorBodies.sanitize("the \"x\" param\\y"));
  }

  @Test
  void sanitizeWhenNonAsciiThenReplaced() {
    assertEquals("caf  ", ErrorBodies.sanitize("café\u2028"));
  }

  @Test
  void sanitizeWhenVeryLongThenTruncated() {
    assertTrue(ErrorBodies.sanitize("x".repeat(10_000)).length() <= 300);
  }
}
