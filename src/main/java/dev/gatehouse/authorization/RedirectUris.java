package dev.gatehouse.authorization;

import java.net.URI;
import java.util.List;

/**
 * Redirect URI matching: exact string comparison with a registered value; only the port of a native
 * client's loopback redirect may vary.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9700#section-2.1">RFC 9700 §2.1</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc8252#section-7.3">RFC 8252 §7.3</a>
 */
public final class RedirectUris {

  private RedirectUris() {}

  public static boolean matches(List<String> registered, String requested, boolean nativeApp) {
    if (requested == null) {
      return false;
    }
    if (registered.contains(requested)) {
      return true;
    }
    return nativeApp && registered.stream().anyMatch(r -> sameLoopbackIgnoringPort(r, requested));
  }

  private static boolean sameLoopbackIgnoringPort(String registered, String requested) {
    try {
      URI a = new URI(registered);
      URI b = new URI(requested);
      return "http".equals(a.getScheme())
          && "http".equals(b.getScheme())
          && isLoopbackIp(a.getHost())
          && a.getHost().equals(b.getHost())
          && java.util.Objects.equals(a.getRawPath(), b.getRawPath())
          && java.util.Objects.equals(a.getRawQuery(), b.getRawQuery())
          && b.getRawFragment() == null
          && b.getRawUserInfo() == null;
    } catch (Exception e) {
      return false;
    }
  }

  private static boolean isLoopbackIp(String host) {
    return "127.0.0.1".equals(host) || "[::1]".equals(host);
  }
}
