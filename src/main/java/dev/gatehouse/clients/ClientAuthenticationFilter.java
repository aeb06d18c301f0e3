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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

  static final int MAX_FORM_BYTES = 64 * 1024;

  @Inject ClientAuthenticator authenticator;
  @Inject CurrentClient current;

  @Override
  public void filter(ContainerRequestContext request) {
    MediaType type = request.getMediaType();
    if (!ContentTypes.is(type, MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
      throw OAuthException.invalidRequest("The body must be application/x-www-form-urlencoded");
    }
    byte[] body = readLimited(request.getEntityStream());
    request.setEntityStream(new ByteArrayInputStream(body));
    ClientCredentials credentials =
        ClientCredentials.from(
            request.getHeaderString(HttpHeaders.AUTHORIZATION),
            FormBody.parse(new String(body, StandardCharsets.US_ASCII)));
    String path = request.getUriInfo().getPath().replaceFirst("^/+", "");
    current.set(authenticator.authenticate(credentials, "/" + path));
  }

  private static byte[] readLimited(InputStream in) {
    try {
      byte[] body = in.readNBytes(MAX_FORM_BYTES + 1);
      if (body.length > MAX_FORM_BYTES) {
        throw OAuthException.invalidRequest("The request body is too large");
      }
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
