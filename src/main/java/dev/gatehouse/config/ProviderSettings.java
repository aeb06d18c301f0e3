package dev.gatehouse.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The issuer identifier and the endpoint URLs derived from it.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc8414#section-2">RFC 8414 §2</a>
 */
@ApplicationScoped
public class ProviderSettings {

  private String issuer;

  protected ProviderSettings() {}

  @Inject
  public ProviderSettings(@ConfigProperty(name = "oidc.issuer") String issuer) {
    this.issuer = validateIssuer(issuer);
  }

  /** Whether the issuer is on this machine (localhost, 127.0.0.1, [::1]): a local run. */
  public boolean isLocal() {
    return isLoopback(URI.create(issuer).getHost());
  }

  /** The exact issuer identifier, without a trailing slash. */
  public String issuer() {
    return issuer;
  }

  /** The absolute URL of an endpoint: the issuer followed by the endpoint's path. */
  public String endpoint(String path) {
    return issuer + path;
  }

  /** Whether the issuer is served over https (cookies then get the Secure attribute). */
  public boolean isSecure() {
    return issuer.startsWith("https://");
  }

  /**
   * RFC 8414 §2: an https URL with no query or fragment. http is tolerated for loopback hosts so
   * that the embedded run works without certificates.
   */
  static String validateIssuer(String value) {
    URI uri;
    try {
      uri = new URI(value.trim());
    } catch (Exception e) {
      throw new IllegalArgumentException("oidc.issuer is not a valid URL: " + value);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || uri.getHost() == null) {
      throw new IllegalArgumentException("oidc.issuer must be an absolute URL: " + value);
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getUserInfo() != null) {
      throw new IllegalArgumentException(
          "oidc.issuer must not have a query, fragment or user info: " + value);
    }
    boolean loopback = isLoopback(uri.getHost());
    if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
      throw new IllegalArgumentException(
          "oidc.issuer must use https (http only for localhost): " + value);
    }
    String normalized = uri.toString();
    while (normalized.endsWith("/")) {
      normalized = normalized.substring(0, normalized.length() - 1);
    }
    return normalized;
  }

  private static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]");
  }
}
