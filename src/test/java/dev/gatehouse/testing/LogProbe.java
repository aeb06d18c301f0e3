package dev.gatehouse.testing;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Test-only: what reaches the server's log handlers (the root logger's) at WARNING and above while
 * a capture is open: {@code POST} opens one, {@code GET} lists "logger level message" lines, {@code
 * DELETE} closes it.
 */
@RequestScoped
@Path("/test-only/logs")
public class LogProbe {

  private static final Logger ROOT = Logger.getLogger("");
  private static final Capture CAPTURE = new Capture();

  @POST
  public void open() {
    CAPTURE.clear();
    ROOT.removeHandler(CAPTURE);
    ROOT.addHandler(CAPTURE);
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public JsonArray records() {
    JsonArrayBuilder lines = Json.createArrayBuilder();
    CAPTURE.lines().forEach(lines::add);
    return lines.build();
  }

  @DELETE
  public void close() {
    ROOT.removeHandler(CAPTURE);
    CAPTURE.clear();
  }

  private static final class Capture extends Handler {

    private final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void publish(LogRecord record) {
      if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
        lines.add(record.getLoggerName() + " " + record.getLevel() + " " + record.getMessage());
      }
    }

    synchronized List<String> lines() {
      return List.copyOf(lines);
    }

    synchronized void clear() {
      lines.clear();
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
