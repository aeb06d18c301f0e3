package dev.gatehouse.protocol;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The catch-all: logs the stack trace under a random incident id and answers a generic {@code
 * server_error} that carries the id but never the exception's message.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-5.2">RFC 6749 §5.2</a>
 */
@Provider
public class ServerErrorMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ServerErrorMapper.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  public Response toResponse(Throwable exception) {
    String incident = newIncidentId();
    LOG.log(Level.SEVERE, "Incident " + incident + ": unexpected error", exception);
    return ErrorBodies.json(
            500,
            OAuthError.SERVER_ERROR.code(),
            "The server met an unexpected condition; incident " + incident,
            ErrorBodies.JSON.createObjectBuilder().add("incident", incident))
        .build();
  }

  static String newIncidentId() {
    byte[] bytes = new byte[6];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
