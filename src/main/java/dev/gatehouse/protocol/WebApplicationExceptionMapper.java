package dev.gatehouse.protocol;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives the JAX-RS runtime's own errors (unknown path, wrong method, unsupported media type) the
 * same JSON error shape as protocol errors, keeping their status and headers (such as {@code
 * Allow}). Redirections pass through untouched.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-5.2">RFC 6749 §5.2</a>
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException exception) {
    Response original = exception.getResponse();
    int status = original.getStatus();
    if (status < 400) {
      return original;
    }
    String error = status == 404 ? "not_found" : status < 500 ? "invalid_request" : "server_error";
    Response.ResponseBuilder response =
        ErrorBodies.json(status, error, original.getStatusInfo().getReasonPhrase());
    original
        .getHeaders()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("Content-Type")
                  && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> response.header(name, value));
              }
            });
    return response.build();
  }
}
