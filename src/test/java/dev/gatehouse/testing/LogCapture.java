package dev.gatehouse.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The messages a class logs while the capture is open (unit tests of what reaches the log). */
public final class LogCapture extends Handler implements AutoCloseable {

  private final Logger logger;
  private final List<String> messages = new ArrayList<>();

  private LogCapture(Logger logger) {
    this.logger = logger;
    logger.addHandler(this);
  }

  /** Captures what the class's logger (named after it) logs. */
  public static LogCapture of(Class<?> type) {
    return of(type.getName());
  }

  /** Captures what the named logger logs. */
  public static LogCapture of(String loggerName) {
    return new LogCapture(Logger.getLogger(loggerName));
  }

  /** The messages so far, as logged (the supplier's text). */
  public synchronized List<String> messages() {
    return List.copyOf(messages);
  }

  @Override
  public synchronized void publish(LogRecord record) {
    messages.add(record.getMessage());
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
  }
}
