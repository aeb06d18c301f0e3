package dev.gatehouse.token;

import dev.gatehouse.persistence.SecretHasher;
import dev.gatehouse.protocol.ConstantTime;
import dev.gatehouse.protocol.RandomTokens;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The form of a refresh token: {@code <family>.<random><mac>}. The family is a random value shared
 * by every token of one grant's rotation chain; the grant keeps only its hash, and a key of the
 * family's own that never leaves the database. The MAC (HMAC-SHA-256 under that key, over the
 * family and the random part) lets a rotated token be recognized as one this provider issued after
 * the purge deleted its row, so its reuse still revokes the grant (RFC 9700 §4.14.2), while rotated
 * rows are kept for the retention only; a value that merely begins with a family (cut short in a
 * log, made up) carries no valid MAC and ends nothing. Families begun before keys existed carry
 * {@code <family>.<random>}: any value of such a family counts, as it did then. Tokens issued
 * before families existed have no dot; their chains go on without one.
 */
final class RefreshTokenValue {

  /** 128 random bits, base64url: 22 characters. */
  private static final int FAMILY_BYTES = 16;

  private static final Pattern FAMILY = Pattern.compile("[A-Za-z0-9_-]{22}");

  /** 192 random bits per token, base64url: 32 characters. */
  private static final int RANDOM_BYTES = 24;

  private static final int RANDOM_CHARS = 32;

  /** The MAC's first 128 bits, base64url: 22 characters. */
  private static final int MAC_BYTES = 16;

  private static final int MAC_CHARS = 22;

  private RefreshTokenValue() {}

  /** A new family, for a grant's first refresh token. */
  static String newFamily() {
    return RandomTokens.base64url(FAMILY_BYTES);
  }

  /** A new family's MAC key (256 random bits), kept by its grant alone. */
  static String newFamilyKey() {
    return RandomTokens.base64url(32);
  }

  /**
   * A new token of the family: 192 random bits and their MAC under the family's key; 256 random
   * bits alone for a family begun before keys (null key).
   */
  static String issue(String family, String familyKey) {
    if (familyKey == null) {
      return family + "." + RandomTokens.base64url(32);
    }
    String random = RandomTokens.base64url(RANDOM_BYTES);
    return family + "." + random + mac(familyKey, family, random);
  }

  /**
   * Whether a value of the family was issued under its key: its MAC verifies (compared in constant
   * time). Any value counts for a family begun before keys (null key).
   */
  static boolean isGenuine(String token, String familyKey) {
    if (familyKey == null) {
      return true;
    }
    Optional<String> family = familyOf(token);
    String secret = token.substring(token.indexOf('.') + 1);
    if (family.isEmpty() || secret.length() != RANDOM_CHARS + MAC_CHARS) {
      return false;
    }
    String random = secret.substring(0, RANDOM_CHARS);
    return ConstantTime.equals(
        mac(familyKey, family.get(), random), secret.substring(RANDOM_CHARS));
  }

  /** HMAC-SHA-256 over {@code <family>.<random>}, its first 128 bits base64url (22 characters). */
  private static String mac(String familyKey, String family, String random) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(Base64.getUrlDecoder().decode(familyKey), "HmacSHA256"));
      byte[] tag = hmac.doFinal((family + "." + random).getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(tag, MAC_BYTES));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("refresh family MAC", e);
    }
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
