package dev.gatehouse.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Secret comparison that does not leak, through timing, how much of a guess was right. */
public final class ConstantTime {

  private ConstantTime() {}

  /**
   * Compares two secrets in time independent of where they differ. Both sides are hashed first so
   * that not even the length of the expected value leaks. Null never equals anything.
   */
  public static boolean equals(String expected, String presented) {
    if (expected == null || presented == null) {
      return false;
    }
    return MessageDigest.isEqual(sha256(expected), sha256(presented));
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
