package dev.gatehouse.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The records a logger logs while the capture is open (unit tests of what reaches the log; the
 * container tests' {@link LogProbe}).
 */
public final class LogCapture extends Handler implements AutoCloseable {

  private final Logger logger;
  private final List<LogRecord> records = new ArrayList<>();

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
    return records.stream().map(LogRecord::getMessage).toList();
  }

  /** The records so far. */
  public synchronized List<LogRecord> records() {
    return List.copyOf(records);
  }

  @Override
  public synchronized void publish(LogRecord record) {
    records.add(record);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
  }
}
