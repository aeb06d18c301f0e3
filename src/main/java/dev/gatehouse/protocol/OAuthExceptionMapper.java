package dev.gatehouse.protocol;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Writes every {@link OAuthException} as RFC 6749 §5.2 JSON with {@code Cache-Control: no-store};
 * adds the {@code WWW-Authenticate} challenge that RFC 6749 §5.2 and RFC 9110 §15.5.2 (every 401
 * invalid_client) and RFC 6750 §3 (bearer token errors) require.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-5.2">RFC 6749 §5.2</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6750#section-3">RFC 6750 §3</a>
 */
@Provider
public class OAuthExceptionMapper implements ExceptionMapper<OAuthException> {

  static final String REALM = "gatehouse";

  @Override
  public Response toResponse(OAuthException exception) {
    OAuthError error = exception.error();
    Response.ResponseBuilder response =
        ErrorBodies.json(error.status(), error.code(), exception.description());
    String challenge = challenge(exception);
    if (challenge != null) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, challenge);
    }
    return response.build();
  }

  private String challenge(OAuthException exception) {
    OAuthError error = exception.error();
    if (exception instanceof BearerChallengeException bearer && !bearer.tokenPresented()) {
      return "Bearer realm=\"" + REALM + "\"";
    }
    if (error.isBearerChallenge() || exception instanceof BearerChallengeException) {
      StringBuilder challenge =
          new StringBuilder("Bearer realm=\"")
              .append(REALM)
              .append("\", error=\"")
              .append(error.code())
              .append("\", error_description=\"")
              .append(ErrorBodies.sanitize(exception.description()))
              .append('"');
      if (exception instanceof BearerChallengeException bearer && bearer.scope() != null) {
        challenge.append(", scope=\"").append(ErrorBodies.sanitize(bearer.scope())).append('"');
      }
      return challenge.toString();
    }
    if (error == OAuthError.INVALID_CLIENT) {
      // RFC 9110 §15.5.2: every 401 carries a challenge, whichever way the client authenticated
      // (RFC 6749 §5.2 requires it after an Authorization header); Basic is the scheme we take.
      return "Basic realm=\"" + REALM + "\"";
    }
    return null;
  }
}
