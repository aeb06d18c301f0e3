package dev.gatehouse.token;

import dev.gatehouse.protocol.FormBody;
import dev.gatehouse.protocol.OAuthException;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * A token presented for introspection or revocation, with its optional {@code token_type_hint}. The
 * hint only decides which kind of token is looked up first; unknown hints are ignored.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7009#section-2.1">RFC 7009 §2.1</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7662#section-2.1">RFC 7662 §2.1</a>
 */
public record PresentedToken(String value, String hint) {

  public static final String TOKEN = "token";
  public static final String TOKEN_TYPE_HINT = "token_type_hint";
  public static final String REFRESH_TOKEN = "refresh_token";

  /** Reads {@code token} (required, once) and {@code token_type_hint} (optional, once). */
  public static PresentedToken from(MultivaluedMap<String, String> form) {
    String token = FormBody.single(form, TOKEN);
    if (token == null || token.isEmpty()) {
      throw OAuthException.invalidRequest("token is required");
    }
    return new PresentedToken(token, FormBody.single(form, TOKEN_TYPE_HINT));
  }

  /** Whether to look for a refresh token before an access token. */
  boolean refreshTokenFirst() {
    return REFRESH_TOKEN.equals(hint);
  }
}
