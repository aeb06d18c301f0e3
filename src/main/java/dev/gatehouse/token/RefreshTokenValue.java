package dev.gatehouse.token;

import dev.gatehouse.persistence.SecretHasher;
import dev.gatehouse.protocol.RandomTokens;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The form of a refresh token: {@code <family>.<secret>}. The family is a random value shared by
 * every token of one grant's rotation chain; the grant keeps only its hash. A rotated token is so
 * recognized as one of its grant's after the purge deleted its row, and its reuse still revokes the
 * grant (RFC 9700 §4.14.2), while rotated rows are kept for the retention only. Knowing the family
 * takes holding a token of the chain, which is what presenting a rotated one proves anyway. Tokens
 * issued before families existed have no dot; their chains go on without one.
 */
final class RefreshTokenValue {

  /** 128 random bits, base64url: 22 characters. */
  private static final int FAMILY_BYTES = 16;

  private static final Pattern FAMILY = Pattern.compile("[A-Za-z0-9_-]{22}");

  private RefreshTokenValue() {}

  /** A new family, for a grant's first refresh token. */
  static String newFamily() {
    return RandomTokens.base64url(FAMILY_BYTES);
  }

  /** A new token of the family (256 random bits after it). */
  static String issue(String family) {
    return family + "." + RandomTokens.base64url(32);
  }

  /** A token of the legacy form, without family: a chain that began without one goes on so. */
  static String issueWithoutFamily() {
    return RandomTokens.base64url(32);
  }

  /** The family a presented token names; empty for the legacy form or anything malformed. */
  static Optional<String> familyOf(String token) {
    if (token == null) {
      return Optional.empty();
    }
    int dot = token.indexOf('.');
    if (dot < 0 || dot == token.length() - 1) {
      return Optional.empty();
    }
    String family = token.substring(0, dot);
    return FAMILY.matcher(family).matches() ? Optional.of(family) : Optional.empty();
  }

  /** What the grant stores of its family. */
  static String hash(String family) {
    return SecretHasher.fingerprintFull(family);
  }
}
