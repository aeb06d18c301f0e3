package dev.gatehouse.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretHasherTest {

  private static final String KEY = "0123456789abcdef0123456789abcdef";

  @Test
  void hashWhenKeyedThenHmacSchemeAndNeverTheSecret() {
    String stored = new SecretHasher(KEY).hash("s3cret");

    assertTrue(stored.startsWith("hmac-sha256:"));
    assertFalse(stored.contains("s3cret"));
    assertNotEquals(new SecretHasher("another-key-another-key-another-key").hash("s3cret"), stored);
  }

  @Test
  void matchesWhenRightOrWrongSecretThenOnlyRightMatches() {
    SecretHasher hasher = new SecretHasher(KEY);
    String stored = hasher.hash("s3cret");

    assertTrue(hasher.matches(stored, "s3cret"));
    assertFalse(hasher.matches(stored, "s3cret "));
    assertFalse(hasher.matches(stored, ""));
    assertFalse(hasher.matches(stored, null));
    assertFalse(hasher.matches(null, "s3cret"));
    assertFalse(hasher.matches("garbage", "s3cret"));
  }

  @Test
  void matchesWhenKeyIntroducedLaterThenOldPlainHashesStillVerify() {
    String before = new SecretHasher(null).hash("s3cret");

    assertTrue(before.startsWith("sha256:"));
    assertTrue(new SecretHasher(KEY).matches(before, "s3cret"));
  }

  @Test
  void matchesWhenHmacHashButKeyRemovedThenNoMatch() {
    String stored = new SecretHasher(KEY).hash("s3cret");

    assertFalse(new SecretHasher(null).matches(stored, "s3cret"));
  }
}
