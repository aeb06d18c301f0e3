package dev.gatehouse.protocol;

import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which endpoints a browser app may call from its own origin (CORS), and what an origin is. Only
 * the endpoints a single-page app needs: token, revocation and UserInfo. Never the authorization
 * endpoint (RFC 9700 §2.6); introspection is for resource servers, not browsers. Discovery and JWKS
 * are public documents and answer {@code *} themselves.
 *
 * <p>Which origin may call for which client is decided where the client is known: {@code
 * clients.ClientOriginFilter} for token and revocation, the UserInfo service for UserInfo.
 *
 * @see <a href="https://fetch.spec.whatwg.org/#http-cors-protocol">Fetch, CORS protocol</a>
 */
public final class CrossOrigin {

  public static final String ORIGIN = "Origin";

  /** Endpoint path (without its leading slash) to the methods a browser may use. */
  static final Map<String, String> METHODS =
      Map.of(
          strip(Paths.TOKEN), "POST",
          strip(Paths.REVOCATION), "POST",
          strip(Paths.USERINFO), "GET, POST");

  private CrossOrigin() {}

  /**
   * Whether a request goes to an endpoint a browser app may call: decided on the path as the router
   * sees it (decoded segments, without matrix parameters or empty segments), so that {@code
   * /token/} or {@code /token;x=1}, which reach the same endpoint, are not taken for other paths.
   */
  public static boolean appliesTo(UriInfo uri) {
    return METHODS.containsKey(endpoint(uri));
  }

  /** The methods a browser may use at the request's endpoint, or null when it may not call it. */
  static String methodsFor(UriInfo uri) {
    return METHODS.get(endpoint(uri));
  }

  private static String endpoint(UriInfo uri) {
    return uri.getPathSegments().stream()
        .map(PathSegment::getPath)
        .filter(segment -> !segment.isEmpty())
        .collect(Collectors.joining("/"));
  }

  /**
   * The origin ({@code scheme://host[:port]}, RFC 6454) of an absolute http or https URI, lower
   * case and without a default port; empty for other URIs (a native app's custom scheme has no
   * origin a browser would send).
   */
  public static Optional<String> originOf(String uri) {
    URI parsed;
    try {
      parsed = new URI(uri);
    } catch (java.net.URISyntaxException e) {
      return Optional.empty();
    }
    String scheme = parsed.getScheme();
    String host = parsed.getHost();
    if (scheme == null || host == null) {
      return Optional.empty();
    }
    scheme = scheme.toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return Optional.empty();
    }
    int port = parsed.getPort();
    boolean defaultPort =
        port == -1
            || (scheme.equals("https") && port == 443)
            || (scheme.equals("http") && port == 80);
    return Optional.of(
        scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
  }

  private static String strip(String path) {
    return path.startsWith("/") ? path.substring(1) : path;
  }
}
