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
import java.net.SocketException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class ClientHangUpLogFilterTest {

  static final String JERSEY = ClientHangUpLogFilter.LOGGERS.get(0);
  static final String WEB = ClientHangUpLogFilter.LOGGERS.get(1);

  static final StackTraceElement GRIZZLY =
      new StackTraceElement(
          "org.glassfish.grizzly.nio.NIOConnection", "assertOpen", "NIOConnection.java", 427);
  static final StackTraceElement JDK =
      new StackTraceElement("sun.nio.ch.SocketDispatcher", "write0", null, -2);
  static final StackTraceElement POSTGRES =
      new StackTraceElement("org.postgresql.core.PGStream", "receiveChar", "PGStream.java", 467);

  @Test
  void isHangUpWhenClientsConnectionEndedInGrizzlyThenTrue() {
    // As Jersey logs a truncated body: UncheckedIOException <- IOException <- EOFException.
    assertTrue(
        ClientHangUpLogFilter.isHangUp(
            new UncheckedIOException(
                raised(new IOException("Connection is closed", new EOFException()), GRIZZLY))));
    assertTrue(ClientHangUpLogFilter.isHangUp(raised(new EOFException(), GRIZZLY)));
    assertTrue(
        ClientHangUpLogFilter.isHangUp(raised(new IOException("Broken pipe"), JDK, GRIZZLY)));
    assertTrue(
        ClientHangUpLogFilter.isHangUp(
            new IllegalStateException(raised(new SocketException("Connection reset"), GRIZZLY))));
  }

  /** The same failures of another connection, the database's say, are real failures. */
  @Test
  void isHangUpWhenAnotherConnectionOrAnyOtherFailureThenFalse() {
    assertFalse(ClientHangUpLogFilter.isHangUp(raised(new EOFException(), POSTGRES)));
    assertFalse(
        ClientHangUpLogFilter.isHangUp(
            new IOException("An I/O error occurred", raised(new EOFException(), JDK, POSTGRES))));
    assertFalse(ClientHangUpLogFilter.isHangUp(raised(new IOException("Broken pipe"), JDK)));
    assertFalse(ClientHangUpLogFilter.isHangUp(raised(new IOException("disk full"), GRIZZLY)));
    assertFalse(
        ClientHangUpLogFilter.isHangUp(raised(new IOException((String) null), GRIZZLY)),
        "no message, not an EOF");
    assertFalse(ClientHangUpLogFilter.isHangUp(new IllegalStateException("a bug")));
  }

  @Test
  void isHangUpWhenCausesFormACycleThenEnds() {
    IOException a = raised(new IOException("a"), POSTGRES);
    IOException b = raised(new IOException("b"), POSTGRES);
    a.initCause(b);
    b.initCause(a);

    assertFalse(ClientHangUpLogFilter.isHangUp(a));
  }

  /** The web container's error-page warning carries the stack trace in its message, no thrown. */
  @Test
  void tellsOfHangUpWhenTheExceptionsOwnLineAndFirstFrameSayHangUpInGrizzly() {
    String page = "StandardHostValve@1: Exception processing ErrorPage[errorCode=0, location=/e]\n";
    assertTrue(
        ClientHangUpLogFilter.tellsOfHangUp(
            page
                + "java.io.IOException: Connection is closed\n"
                + "\tat org.glassfish.grizzly.nio.NIOConnection.assertOpen(NIOConnection.java:427)"));
    assertTrue(
        ClientHangUpLogFilter.tellsOfHangUp(
            page
                + "java.io.IOException: Broken pipe\n"
                + "\tat java.base/sun.nio.ch.SocketDispatcher.write0(Native Method)\n"
                + "\tat org.glassfish.grizzly.nio.transport.TCPNIOUtils.flush(TCPNIOUtils.java:1)"));
    assertFalse(
        ClientHangUpLogFilter.tellsOfHangUp(
            page
                + "java.io.EOFException\n"
                + "\tat org.postgresql.core.PGStream.receiveChar(PGStream.java:467)"),
        "the database's connection");
    assertFalse(
        ClientHangUpLogFilter.tellsOfHangUp(
            page
                + "java.lang.IllegalStateException: a bug\n\tat dev.gatehouse.X.y(X.java:1)\n"
                + "Caused by: java.io.IOException: Connection is closed\n"
                + "\tat org.glassfish.grizzly.nio.NIOConnection.assertOpen(NIOConnection.java:427)"),
        "a hang-up only as a cause, in the text");
    assertFalse(ClientHangUpLogFilter.tellsOfHangUp("the connection is closed for the night"));
  }

  @Test
  void installWhenHangUpLoggedThenDroppedAndEverythingElseLoggedAsBefore() throws Exception {
    Logger jersey = Logger.getLogger(JERSEY);
    Logger web = Logger.getLogger(WEB);
    Filter theirs = record -> !record.getMessage().startsWith("muted by their own filter");
    jersey.setFilter(theirs);
    ClientHangUpLogFilter filter = new ClientHangUpLogFilter();
    try (LogCapture jerseyLog = LogCapture.of(JERSEY);
        LogCapture webLog = LogCapture.of(WEB)) {
      filter.install(null);

      jersey.log(Level.SEVERE, "hang-up", raised(new EOFException(), GRIZZLY));
      web.log(Level.WARNING, "hang-up", raised(new IOException("Connection is closed"), GRIZZLY));
      web.warning(
          "error page failed\njava.io.IOException: Connection is closed\n"
              + "\tat org.glassfish.grizzly.nio.NIOConnection.assertOpen(NIOConnection.java:427)");
      jersey.log(Level.SEVERE, "a real failure", new IllegalStateException("a bug"));
      jersey.log(Level.SEVERE, "the database's", raised(new EOFException(), POSTGRES));
      jersey.log(Level.SEVERE, "no failure attached");
      jersey.log(Level.SEVERE, "muted by their own filter", new IllegalStateException());
      web.log(Level.WARNING, "web failure", new IOException("disk full"));
      Thread otherApplication =
          new Thread(
              () ->
                  jersey.log(
                      Level.SEVERE,
                      "another application's hang-up",
                      raised(new EOFException(), GRIZZLY)));
      try (URLClassLoader loader = new URLClassLoader(new URL[0])) {
        otherApplication.setContextClassLoader(loader);
        otherApplication.start();
        otherApplication.join();
      }

      assertEquals(
          List.of(
              "a real failure",
              "the database's",
              "no failure attached",
              "another application's hang-up"),
          jerseyLog.messages());
      assertEquals(List.of("web failure"), webLog.messages());
    } finally {
      filter.uninstall(null);
    }
    assertSame(theirs, jersey.getFilter(), "their own filter is back");
    assertNull(web.getFilter());
    jersey.setFilter(null);
  }

  private static <T extends Throwable> T raised(T failure, StackTraceElement... frames) {
    failure.setStackTrace(frames);
    return failure;
  }
}
