package dev.gatehouse.authorization;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Builds a redirect to a client's redirect_uri with parameters added to its query, keeping the
 * registered query as it is (values are form-encoded, never treated as URI templates).
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-4.1.2">RFC 6749 §4.1.2</a>
 */
final class QueryRedirect {

  private final StringBuilder uri;
  private boolean hasQuery;

  private QueryRedirect(String base) {
    this.uri = new StringBuilder(base);
    this.hasQuery = base.contains("?");
  }

  static QueryRedirect to(String redirectUri) {
    return new QueryRedirect(redirectUri);
  }

  QueryRedirect param(String name, String value) {
    if (value != null) {
      uri.append(hasQuery ? '&' : '?')
          .append(name)
          .append('=')
          .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
      hasQuery = true;
    }
    return this;
  }

  URI build() {
    return URI.create(uri.toString());
  }
}
