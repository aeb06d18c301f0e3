package dev.gatehouse.protocol;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * High-entropy random values for identifiers and credentials the provider issues.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-10.10">RFC 6749 §10.10</a>
 */
public final class RandomTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private RandomTokens() {}

  /** {@code bytes} random bytes, base64url without padding (32 bytes give 256 bits, 43 chars). */
  public static String base64url(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }
}
