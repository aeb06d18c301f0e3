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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;

/**
 * Authenticates the client of every {@link ClientAuthenticated} request before the resource runs.
 * It reads the form body once, as {@link FormBody} parses it (repeats kept, empty values left out),
 * and hands the parameters to the resource through {@link CurrentClient}; the body is put back too.
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
    byte[] body = FormBody.readLimited(request.getEntityStream());
    request.setEntityStream(new ByteArrayInputStream(body));
    MultivaluedMap<String, String> form = FormBody.parse(body);
    ClientCredentials credentials =
        ClientCredentials.from(request.getHeaderString(HttpHeaders.AUTHORIZATION), form);
    String path = request.getUriInfo().getPath().replaceFirst("^/+", "");
    current.set(authenticator.authenticate(credentials, "/" + path), form);
  }
}
