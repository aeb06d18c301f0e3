package dev.gatehouse.authorization;

import dev.gatehouse.config.ProviderSettings;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.mvc.Models;
import jakarta.mvc.security.CsrfValidationException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import org.eclipse.krazo.engine.Viewable;

/**
 * The two kinds of authorization error: a redirect to the verified redirect_uri with error,
 * error_description, state and iss (303, RFC 9700 §4.12), or an HTML page with status 400 that
 * never redirects.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9207#section-2">RFC 9207 §2</a>
 */
public final class AuthorizationErrorMappers {

  private AuthorizationErrorMappers() {}

  /** Error redirect. */
  @Provider
  public static class RedirectMapper implements ExceptionMapper<AuthorizationRedirectException> {

    @Inject ProviderSettings provider;

    @Override
    public Response toResponse(AuthorizationRedirectException e) {
      URI location =
          QueryRedirect.to(e.redirectUri())
              .param("error", e.error().code())
              .param(
                  "error_description", dev.gatehouse.protocol.ErrorBodies.sanitize(e.getMessage()))
              .param("state", e.state())
              .param("iss", provider.issuer())
              .build();
      return Response.seeOther(location).header("Cache-Control", "no-store").build();
    }
  }

  /** Error page. */
  @Provider
  public static class PageMapper implements ExceptionMapper<AuthorizationPageException> {

    @Inject Models models;

    @Override
    public Response toResponse(AuthorizationPageException e) {
      models.put("message", e.getMessage());
      return Response.status(400)
          .type(MediaType.TEXT_HTML_TYPE)
          .header("Cache-Control", "no-store")
          .entity(new Viewable("error.jsp"))
          .build();
    }
  }

  /**
   * A login, consent or sign-out form whose CSRF token is missing or no longer valid (the page was
   * left open past the HTTP session, or its cookie was lost): the error page with 403, so that the
   * user reads what happened rather than Krazo's empty 403 rendered as the JSON error model. Ahead
   * of Krazo's own mapper of the same exception.
   */
  @Provider
  @Priority(Priorities.USER - 100)
  public static class CsrfPageMapper implements ExceptionMapper<CsrfValidationException> {

    @Inject Models models;

    @Override
    public Response toResponse(CsrfValidationException e) {
      models.put("message", "This page has expired.");
      return Response.status(403)
          .type(MediaType.TEXT_HTML_TYPE)
          .header("Cache-Control", "no-store")
          .entity(new Viewable("error.jsp"))
          .build();
    }
  }
}
