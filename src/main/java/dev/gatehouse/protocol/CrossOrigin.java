package dev.gatehouse.protocol;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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

  /** Path (as JAX-RS reports it, without a leading slash) to the methods a browser may use. */
  static final Map<String, String> METHODS =
      Map.of(
          strip(Paths.TOKEN), "POST",
          strip(Paths.REVOCATION), "POST",
          strip(Paths.USERINFO), "GET, POST");

  private CrossOrigin() {}

  /** Whether a path (with or without its leading slash) is one a browser app may call. */
  public static boolean appliesTo(String path) {
    return METHODS.containsKey(strip(path));
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

  static String strip(String path) {
    return path.startsWith("/") ? path.substring(1) : path;
  }
}
