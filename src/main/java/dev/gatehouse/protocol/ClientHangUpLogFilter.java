package dev.gatehouse.protocol;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.io.EOFException;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * A client that hangs up mid-request (a body shorter than its Content-Length, a closed connection)
 * is no fault of the server, yet Jersey logs each such request as SEVERE and the web container as a
 * WARNING, both with full stack traces: some 180 lines a request, which any unauthenticated client
 * could send at will to fill the log. Those two loggers' records caused by a hang-up are dropped
 * here (one FINE line instead); all their other records pass unchanged.
 */
@ApplicationScoped
public class ClientHangUpLogFilter implements Filter {

  /** Jersey's response writer and the web container, which log a hang-up with its stack trace. */
  static final List<String> LOGGERS =
      List.of("org.glassfish.jersey.server.ServerRuntime$Responder", "jakarta.enterprise.web");

  private static final Logger LOG = Logger.getLogger(ClientHangUpLogFilter.class.getName());

  /**
   * The loggers filtered, held (a logger keeps its filter only while referenced), each with the
   * filter it had before (null for none); written at start and stop, read by request threads.
   */
  private volatile Map<Logger, Filter> previous = Map.of();

  void install(@Observes @Initialized(ApplicationScoped.class) Object started) {
    Map<Logger, Filter> filtered = new LinkedHashMap<>();
    for (String name : LOGGERS) {
      Logger logger = Logger.getLogger(name);
      filtered.put(logger, logger.getFilter());
    }
    previous = Collections.unmodifiableMap(filtered);
    filtered.keySet().forEach(logger -> logger.setFilter(this));
  }

  /** On undeploy: the container's loggers must not keep this application's class. */
  void uninstall(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
    previous.forEach(
        (logger, filter) -> {
          if (logger.getFilter() == this) {
            logger.setFilter(filter);
          }
        });
    previous = Map.of();
  }

  @Override
  public boolean isLoggable(LogRecord record) {
    if (record.getThrown() != null
        ? isHangUp(record.getThrown())
        : record.getMessage() != null && tellsOfHangUp(record.getMessage())) {
      LOG.fine(() -> "a client hung up mid-request (" + record.getLoggerName() + ")");
      return false;
    }
    Filter own = previous.get(Logger.getLogger(record.getLoggerName()));
    return own == null || own.isLoggable(record);
  }

  /**
   * Whether a message that carries its failure as text (the web container writes the stack trace
   * into the message of its error-page warning) tells of a hang-up.
   */
  static boolean tellsOfHangUp(String message) {
    return message.contains("java.io.EOFException")
        || message.contains("java.io.IOException: Connection is closed")
        || message.contains("java.io.IOException: Broken pipe")
        || message.contains("java.io.IOException: Connection reset by peer");
  }

  /**
   * Whether the failure is the client's hang-up: a premature end of the request body, or the
   * connection closed, reset or broken under the response.
   */
  static boolean isHangUp(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof EOFException) {
        return true;
      }
      if (t instanceof IOException && t.getMessage() != null) {
        String message = t.getMessage().toLowerCase(Locale.ROOT);
        if (message.contains("connection is closed")
            || message.contains("broken pipe")
            || message.contains("connection reset by peer")) {
          return true;
        }
      }
    }
    return false;
  }
}
