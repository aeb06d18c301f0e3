package dev.gatehouse.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.testing.LogCapture;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class ClientHangUpLogFilterTest {

  static final String JERSEY = ClientHangUpLogFilter.LOGGERS.get(0);
  static final String WEB = ClientHangUpLogFilter.LOGGERS.get(1);

  @Test
  void isHangUpWhenBodyCutShortOrConnectionClosedResetOrBrokenThenTrue() {
    // As Jersey logs a truncated body: UncheckedIOException <- IOException <- EOFException.
    assertTrue(
        ClientHangUpLogFilter.isHangUp(
            new UncheckedIOException(new IOException("Connection is closed", new EOFException()))));
    assertTrue(ClientHangUpLogFilter.isHangUp(new IOException("Connection is closed")));
    assertTrue(ClientHangUpLogFilter.isHangUp(new IOException("Broken pipe")));
    assertTrue(
        ClientHangUpLogFilter.isHangUp(
            new IllegalStateException(new IOException("Connection reset by peer"))));
  }

  @Test
  void isHangUpWhenAnyOtherFailureThenFalse() {
    assertFalse(ClientHangUpLogFilter.isHangUp(new IllegalStateException("a bug")));
    assertFalse(ClientHangUpLogFilter.isHangUp(new IOException("No space left on device")));
    assertFalse(ClientHangUpLogFilter.isHangUp(new IOException((String) null)));
    assertFalse(ClientHangUpLogFilter.isHangUp(new RuntimeException(new NullPointerException())));
  }

  /** The web container's error-page warning carries the stack trace in its message, no thrown. */
  @Test
  void tellsOfHangUpWhenTheStackTraceIsInTheMessageThenAsForTheFailure() {
    assertTrue(
        ClientHangUpLogFilter.tellsOfHangUp(
            "StandardHostValve@1: Exception processing ErrorPage[errorCode=0, location=/e]\n"
                + "java.io.IOException: Connection is closed\n\tat org.glassfish.grizzly.x(X.java:1)"));
    assertTrue(ClientHangUpLogFilter.tellsOfHangUp("x\njava.io.EOFException\n\tat y"));
    assertFalse(
        ClientHangUpLogFilter.tellsOfHangUp(
            "Exception processing ErrorPage\njava.lang.IllegalStateException: a bug"));
    assertFalse(ClientHangUpLogFilter.tellsOfHangUp("the connection is closed for the night"));
  }

  @Test
  void installWhenHangUpLoggedThenDroppedAndEverythingElseLoggedAsBefore() {
    Logger jersey = Logger.getLogger(JERSEY);
    Filter theirs = record -> !record.getMessage().startsWith("muted by their own filter");
    jersey.setFilter(theirs);
    ClientHangUpLogFilter filter = new ClientHangUpLogFilter();
    try (LogCapture jerseyLog = LogCapture.of(JERSEY);
        LogCapture webLog = LogCapture.of(WEB)) {
      filter.install(null);

      jersey.log(Level.SEVERE, "hang-up", new UncheckedIOException(new EOFException()));
      Logger.getLogger(WEB).log(Level.WARNING, "hang-up", new IOException("Connection is closed"));
      Logger.getLogger(WEB).warning("error page failed\njava.io.IOException: Connection is closed");
      jersey.log(Level.SEVERE, "a real failure", new IllegalStateException("a bug"));
      jersey.log(Level.SEVERE, "no failure attached");
      jersey.log(Level.SEVERE, "muted by their own filter", new IllegalStateException());
      Logger.getLogger(WEB).log(Level.WARNING, "web failure", new IOException("disk full"));

      assertEquals(List.of("a real failure", "no failure attached"), jerseyLog.messages());
      assertEquals(List.of("web failure"), webLog.messages());
    } finally {
      filter.uninstall(null);
    }
    assertSame(theirs, jersey.getFilter(), "their own filter is back");
    assertNull(Logger.getLogger(WEB).getFilter());
    jersey.setFilter(null);
  }
}
