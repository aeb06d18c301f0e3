package dev.gatehouse.clients;

import dev.gatehouse.protocol.ContentTypes;
import dev.gatehouse.protocol.FormBody;
import dev.gatehouse.protocol.OAuthException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * Authenticates the client of every {@link ClientAuthenticated} request before the resource runs.
 * It reads the form body and puts it back, so the resource still sees its parameters.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-2.3">RFC 6749 §2.3</a>
 */
@Provider
@ClientAuthenticated
@Priority(Priorities.AUTHENTICATION)
public class ClientAuthenticationFilter implements ContainerRequestFilter {

  @Inject ClientAuthenticator authenticator;
  @Inject CurrentClient current;

  @Override
  public void filter(ContainerRequestContext request) {
    MediaType type = request.getMediaType();
    if (!ContentTypes.is(type, MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
      throw OAuthException.invalidRequest("The body must be application/x-www-form-urlencoded");
    }
    String body = FormBody.readLimited(request.getEntityStream());
    request.setEntityStream(new ByteArrayInputStream(body.getBytes(StandardCharsets.US_ASCII)));
    ClientCredentials credentials =
        ClientCredentials.from(
            request.getHeaderString(HttpHeaders.AUTHORIZATION), FormBody.parse(body));
    String path = request.getUriInfo().getPath().replaceFirst("^/+", "");
    current.set(authenticator.authenticate(credentials, "/" + path));
  }
}
