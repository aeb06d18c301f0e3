package dev.gatehouse.protocol;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the token of an {@code Authorization: Bearer} header.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6750#section-2.1">RFC 6750 §2.1</a>
 */
public final class BearerTokens {

  private static final String BEARER = "bearer ";

  /** RFC 6750 §2.1: the credentials of the Bearer scheme are one b64token. */
  private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9._~+/-]+=*");

  private BearerTokens() {}

  /** The token, or empty when the header is absent, of another scheme, or blank. */
  public static Optional<String> from(String authorization) {
    if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
      return Optional.empty();
    }
    String token = authorization.substring(BEARER.length()).trim();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }

  /**
   * {@link #from}, for an access token: a value that is not one b64token (two tokens, two headers
   * joined by a comma, a quote) is a malformed request, RFC 6750 §3.1 {@code invalid_request}
   * (400), rather than a token to check. Operator-chosen secrets (the admin and initial access
   * tokens) are read by {@link #from}, which takes any value.
   */
  public static Optional<String> accessToken(String authorization) {
    Optional<String> token = from(authorization);
    if (token.isPresent() && !B64TOKEN.matcher(token.get()).matches()) {
      throw BearerChallengeException.invalidRequest(
          "The Authorization header must hold one bearer token");
    }
    return token;
  }
}
