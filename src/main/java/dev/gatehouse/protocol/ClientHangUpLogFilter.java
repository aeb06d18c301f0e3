package dev.gatehouse.protocol;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * A client that hangs up mid-request (a body shorter than its Content-Length, a closed connection)
 * is no fault of the server, yet Jersey logs each such request as SEVERE and the web container as a
 * WARNING, both with full stack traces: some 180 lines a request, which any unauthenticated client
 * could send at will to fill the log. Those two loggers' records of a hang-up are dropped here, and
 * how many were dropped is logged at INFO at most once a minute; all their other records pass
 * unchanged.
 *
 * <p>A hang-up is an I/O failure of the client's own connection: raised in Grizzly, the HTTP layer
 * (its first frame outside the JDK), as a premature end of input or a connection closed, reset or
 * broken. The same failure of any other connection (the database's, a fetch of keys) is logged as
 * ever. The two loggers are the server's: records are dropped only on threads working for this
 * application (its context class loader), so other applications on a full server keep theirs.
 */
@ApplicationScoped
public class ClientHangUpLogFilter {

  /** Jersey's response writer and the web container, which log a hang-up with its stack trace. */
  static final List<String> LOGGERS =
      List.of("org.glassfish.jersey.server.ServerRuntime$Responder", "jakarta.enterprise.web");

  /** How an I/O exception of a closed, reset or broken connection reads. */
  private static final String PHRASES = "Connection is closed|Broken pipe|Connection reset";

  private static final Pattern HANG_UP_PHRASE = Pattern.compile("^(?:" + PHRASES + ")");

  /**
   * A message that carries its failure as text (the web container writes the stack trace into the
   * message of its error-page warning): a first line, then the exception's own line (not a "Caused
   * by"), then its frames, the first outside the JDK in Grizzly.
   */
  private static final Pattern HANG_UP_TEXT =
      Pattern.compile(
          "\\A[^\\n]*\\n(?:java\\.io\\.EOFException|java\\.(?:io\\.IOException|net\\.SocketException)"
              + ": (?:"
              + PHRASES
              + "))[^\\n]*\\n"
              + "(?:\\s*at (?:java|javax|jdk|sun)\\.[^\\n]*\\n)*"
              + "\\s*at org\\.glassfish\\.grizzly\\.");

  private static final Logger LOG = Logger.getLogger(ClientHangUpLogFilter.class.getName());

  private static final long REPORT_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final List<Installed> installed = new ArrayList<>();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong lastReport = new AtomicLong(System.nanoTime());
  private volatile ClassLoader application;

  void install(@Observes @Initialized(ApplicationScoped.class) Object started) {
    application = Thread.currentThread().getContextClassLoader();
    for (String name : LOGGERS) {
      Logger logger = Logger.getLogger(name);
      Installed filter = new Installed(logger, logger.getFilter());
      installed.add(filter);
      logger.setFilter(filter);
    }
  }

  /** On undeploy: the server's loggers must not keep calling into this application. */
  void uninstall(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
    for (Installed filter : installed) {
      filter.active = false;
      if (filter.logger.getFilter() == filter) {
        filter.logger.setFilter(filter.previous);
      }
    }
    installed.clear();
  }

  /** Whether this record, logged on the current thread, is a hang-up of this application's. */
  boolean drops(LogRecord record) {
    if (Thread.currentThread().getContextClassLoader() != application) {
      return false;
    }
    boolean hangUp =
        record.getThrown() != null
            ? isHangUp(record.getThrown())
            : record.getMessage() != null && tellsOfHangUp(record.getMessage());
    if (hangUp) {
      report(dropped.incrementAndGet());
    }
    return hangUp;
  }

  private void report(long count) {
    long last = lastReport.get();
    long now = System.nanoTime();
    if (now - last >= REPORT_EVERY_NANOS && lastReport.compareAndSet(last, now)) {
      long reported = dropped.getAndSet(0);
      LOG.info(
          () ->
              reported
                  + " log records of clients hanging up mid-request (Jersey's, the web"
                  + " container's) were dropped since the last such count");
    }
  }

  /** Whether the failure, or one of its causes, is a hang-up of the client's own connection. */
  static boolean isHangUp(Throwable thrown) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof IOException
          && raisedInGrizzly(t)
          && (t instanceof EOFException
              || (t.getMessage() != null && HANG_UP_PHRASE.matcher(t.getMessage()).find()))) {
        return true;
      }
    }
    return false;
  }

  /** Whether a message carrying its failure as text tells of a hang-up (see the pattern). */
  static boolean tellsOfHangUp(String message) {
    return HANG_UP_TEXT.matcher(message).find();
  }

  /** Whether the exception's first frame outside the JDK is Grizzly's, the HTTP layer's. */
  private static boolean raisedInGrizzly(Throwable t) {
    for (StackTraceElement frame : t.getStackTrace()) {
      String type = frame.getClassName();
      if (!(type.startsWith("java.")
          || type.startsWith("javax.")
          || type.startsWith("jdk.")
          || type.startsWith("sun."))) {
        return type.startsWith("org.glassfish.grizzly.");
      }
    }
    return false;
  }

  /** The filter set on one logger, with the filter it had before (null for none). */
  private final class Installed implements Filter {

    final Logger logger;
    final Filter previous;
    volatile boolean active = true;

    Installed(Logger logger, Filter previous) {
      this.logger = logger;
      this.previous = previous;
    }

    @Override
    public boolean isLoggable(LogRecord record) {
      if (active && drops(record)) {
        return false;
      }
      return previous == null || previous.isLoggable(record);
    }
  }
}
