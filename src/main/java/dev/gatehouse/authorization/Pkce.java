package dev.gatehouse.authorization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Proof Key for Code Exchange with the S256 method only ({@code plain} is refused).
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7636#section-4">RFC 7636 §4</a>
 */
public final class Pkce {

  public static final String S256 = "S256";

  /** RFC 7636 §4.1: 43-128 characters of [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~". */
  static final Pattern VALUE = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");

  private Pkce() {}

  public static boolean isWellFormed(String value) {
    return value != null && VALUE.matcher(value).matches();
  }

  /** RFC 7636 §4.6: BASE64URL(SHA256(ASCII(code_verifier))) == code_challenge, in constant time. */
  public static boolean verify(String challenge, String verifier) {
    if (!isWellFormed(challenge) || !isWellFormed(verifier)) {
      return false;
    }
    return MessageDigest.isEqual(
        challenge.getBytes(StandardCharsets.US_ASCII),
        s256(verifier).getBytes(StandardCharsets.US_ASCII));
  }

  public static String s256(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
