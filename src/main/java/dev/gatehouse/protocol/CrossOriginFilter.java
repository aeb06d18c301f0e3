package dev.gatehouse.protocol;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * The CORS protocol on the {@link CrossOrigin} endpoints. A preflight is answered for any origin:
 * it carries no credentials and decides nothing. The actual request then gets the caller's origin
 * back, also on errors so that the app can read them; a request from an origin its client did not
 * register was already refused ({@code invalid_request}) before anything was issued or revoked.
 * Never {@code Access-Control-Allow-Credentials}: these endpoints take no cookies.
 *
 * @see <a href="https://fetch.spec.whatwg.org/#http-cors-protocol">Fetch, CORS protocol</a>
 */
@Provider
@PreMatching
public class CrossOriginFilter implements ContainerRequestFilter, ContainerResponseFilter {

  static final String MAX_AGE_SECONDS = "600";

  @Override
  public void filter(ContainerRequestContext request) {
    String origin = request.getHeaderString(CrossOrigin.ORIGIN);
    String method = request.getHeaderString("Access-Control-Request-Method");
    if (origin == null || method == null || !HttpMethod.OPTIONS.equals(request.getMethod())) {
      return;
    }
    String allowed = CrossOrigin.methodsFor(request.getUriInfo());
    if (allowed != null) {
      request.abortWith(
          Response.noContent()
              .header("Access-Control-Allow-Origin", origin)
              .header("Access-Control-Allow-Methods", allowed)
              .header("Access-Control-Allow-Headers", "Authorization, Content-Type")
              .header("Access-Control-Max-Age", MAX_AGE_SECONDS)
              .header(HttpHeaders.VARY, CrossOrigin.ORIGIN)
              .build());
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    MultivaluedMap<String, Object> headers = response.getHeaders();
    if (!CrossOrigin.appliesTo(request.getUriInfo())
        || headers.containsKey("Access-Control-Allow-Origin")) {
      return; // not a browser endpoint, or a preflight answered above
    }
    headers.add(HttpHeaders.VARY, CrossOrigin.ORIGIN);
    String origin = request.getHeaderString(CrossOrigin.ORIGIN);
    if (origin != null) {
      headers.putSingle("Access-Control-Allow-Origin", origin);
      headers.putSingle("Access-Control-Expose-Headers", HttpHeaders.WWW_AUTHENTICATE);
    }
  }
}
