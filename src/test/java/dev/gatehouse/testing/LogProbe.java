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
import java.util.logging.Level;

/**
 * Test-only: what reaches the server's log handlers (the root logger's) at WARNING and above while
 * a capture is open: {@code POST} opens one, {@code GET} lists "logger level message" lines, {@code
 * DELETE} closes it.
 */
@RequestScoped
@Path("/test-only/logs")
public class LogProbe {

  /** Guarded by the class: each request has its own instance of this resource. */
  private static LogCapture capture;

  @POST
  public void open() {
    synchronized (LogProbe.class) {
      close();
      capture = LogCapture.of("");
    }
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public JsonArray lines() {
    synchronized (LogProbe.class) {
      return linesSoFar();
    }
  }

  private static JsonArray linesSoFar() {
    JsonArrayBuilder lines = Json.createArrayBuilder();
    if (capture != null) {
      capture.records().stream()
          .filter(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
          .map(r -> r.getLoggerName() + " " + r.getLevel() + " " + r.getMessage())
          .forEach(lines::add);
    }
    return lines.build();
  }

  @DELETE
  public void close() {
    synchronized (LogProbe.class) {
      if (capture != null) {
        capture.close();
        capture = null;
      }
    }
  }
}
