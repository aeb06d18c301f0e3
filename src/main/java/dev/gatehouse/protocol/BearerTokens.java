package dev.gatehouse.protocol;

import java.util.Locale;
import java.util.Optional;

/**
 * Reads the token of an {@code Authorization: Bearer} header.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6750#section-2.1">RFC 6750 §2.1</a>
 */
public final class BearerTokens {

  private static final String BEARER = "bearer ";

  private BearerTokens() {}

  /** The token, or empty when the header is absent, of another scheme, or blank. */
  public static Optional<String> from(String authorization) {
    if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
      return Optional.empty();
    }
    String token = authorization.substring(BEARER.length()).trim();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }
}
