package dev.gatehouse.registration;

import dev.gatehouse.protocol.OAuthException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * What a registrable redirect URI looks like: absolute, no fragment; https for web clients (http
 * only on loopback); for native apps also private-use schemes and http loopback (RFC 8252 §7).
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9700#section-2.1">RFC 9700 §2.1</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc8252#section-7">RFC 8252 §7</a>
 */
final class RedirectUriRules {

  private static final Set<String> FORBIDDEN_SCHEMES =
      Set.of("javascript", "data", "vbscript", "file", "about", "blob");

  private RedirectUriRules() {}

  static void check(String value, boolean nativeApp, String member) {
    URI uri = parse(value, member);
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (FORBIDDEN_SCHEMES.contains(scheme)) {
      throw invalid(member, "scheme " + scheme + " is not allowed");
    }
    if (scheme.equals("https")) {
      requireHost(uri, member);
      return;
    }
    if (scheme.equals("http")) {
      requireHost(uri, member);
      if (!isLoopback(uri.getHost())) {
        throw invalid(member, "http is allowed only for loopback hosts: " + value);
      }
      return;
    }
    if (!nativeApp) {
      throw invalid(member, "custom URI schemes are for native clients only: " + value);
    }
  }

  /** For jwks_uri and the informational URLs: https, or http on loopback. */
  static void checkWebUrl(String value, String member) {
    URI uri = parse(value, member);
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    requireHost(uri, member);
    if (!scheme.equals("https") && !(scheme.equals("http") && isLoopback(uri.getHost()))) {
      throw invalid(member, member + " must be an https URL");
    }
  }

  /** For resource URIs (RFC 8707 §2): absolute, no fragment. */
  static void checkAbsolute(String value, String member) {
    parse(value, member);
  }

  private static URI parse(String value, String member) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw invalid(member, "not a valid URI: " + value);
    }
    if (!uri.isAbsolute()) {
      throw invalid(member, "must be an absolute URI: " + value);
    }
    if (uri.getRawFragment() != null || value.contains("#")) {
      throw invalid(member, "must not contain a fragment: " + value);
    }
    return uri;
  }

  private static void requireHost(URI uri, String member) {
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw invalid(member, "must have a host: " + uri);
    }
  }

  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]");
  }

  private static OAuthException invalid(String member, String description) {
    return member.endsWith("redirect_uris")
        ? OAuthException.invalidRedirectUri(member + ": " + description)
        : OAuthException.invalidClientMetadata(member + ": " + description);
  }
}
