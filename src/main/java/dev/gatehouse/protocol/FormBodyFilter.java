package dev.gatehouse.protocol;

import jakarta.annotation.Priority;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads every form body of a POST, PUT or PATCH once, before anything else does, within {@link
 * FormBody#MAX_BYTES}: a longer one (chunked bodies carry no Content-Length for the server's own
 * limit to check) or one cut short is 400 invalid_request. What reads it afterwards (Krazo's CSRF
 * check on the login, consent and sign-out pages, the endpoints, client authentication) gets the
 * bytes held here, so none of them holds an unbounded body. The endpoints parse their forms
 * themselves, each with its own error; on the pages, which Krazo parses first, a malformed
 * percent-encoding is 400 invalid_request here, and a wildcard Content-Type a form would match
 * ({@code application/*}) is 415 (Jersey's form parameters would fail on it).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION + 1) // after CharsetFilter: the Content-Type is sound
public class FormBodyFilter implements ContainerRequestFilter {

  private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

  /** The pages whose forms Krazo checks for CSRF (paths as JAX-RS gives them, without "/"). */
  private static final Set<String> PAGES = Set.of("login", "consent", "logout/confirm");

  @Override
  public void filter(ContainerRequestContext request) {
    MediaType type = request.getMediaType();
    if (!BODY_METHODS.contains(request.getMethod())
        || type == null
        || !type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
      return;
    }
    byte[] body = FormBody.readLimited(request.getEntityStream());
    if (PAGES.contains(page(request))) {
      if (ContentTypes.is(type, MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
        FormBody.parse(body); // Krazo's own parse would fail on a bad encoding with a 500
      } else if (body.length > 0) {
        throw new NotSupportedException("The Content-Type must name a format");
      }
    }
    request.setEntityStream(new ByteArrayInputStream(body));
  }

  /**
   * The path as the resources match it: without empty segments (Jersey routes {@code /login/} and
   * {@code //login} to {@code /login}) or matrix parameters.
   */
  private static String page(ContainerRequestContext request) {
    return request.getUriInfo().getPathSegments().stream()
        .map(PathSegment::getPath)
        .filter(segment -> !segment.isEmpty())
        .collect(Collectors.joining("/"));
  }
}
