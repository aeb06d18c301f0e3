package dev.gatehouse.admin;

import dev.gatehouse.config.AdminSettings;
import dev.gatehouse.protocol.BearerChallengeException;
import dev.gatehouse.protocol.BearerTokens;
import dev.gatehouse.protocol.ConstantTime;
import dev.gatehouse.protocol.OAuthException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Lets a request through to an {@link AdminAuthenticated} endpoint only with {@code Authorization:
 * Bearer <oidc.admin.token>}. Without a configured token the endpoints answer 404.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6750#section-2.1">RFC 6750 §2.1</a>
 */
@Provider
@AdminAuthenticated
@Priority(Priorities.AUTHENTICATION)
public class AdminTokenFilter implements ContainerRequestFilter {

  private static final Logger LOG = Logger.getLogger(AdminTokenFilter.class.getName());

  @Inject AdminSettings settings;
  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    Optional<String> expected = settings.adminToken();
    if (expected.isEmpty()) {
      throw new NotFoundException();
    }
    String presented =
        BearerTokens.from(request.getHeaderString(HttpHeaders.AUTHORIZATION))
            .orElseThrow(
                () ->
                    BearerChallengeException.missingToken(
                        "Admin endpoints require a bearer token"));
    if (!ConstantTime.equals(expected.get(), presented)) {
      // The operation, never the path as sent: its decoded text could forge log lines.
      LOG.warning(
          () ->
              "Rejected admin request with a wrong token to "
                  + resource.getResourceClass().getSimpleName()
                  + "."
                  + resource.getResourceMethod().getName());
      throw OAuthException.invalidToken("The admin token is not valid");
    }
  }
}
