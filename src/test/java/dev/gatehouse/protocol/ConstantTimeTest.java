package dev.gatehouse.protocol;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConstantTimeTest {

  @Test
  void equalsWhenSameSecretThenTrue() {
    assertTrue(ConstantTime.equals("s3cret-value", "s3cret-value"));
  }

  @Test
  void equalsWhenDifferentOrPrefixOrNullThenFalse() {
    assertFalse(ConstantTime.equals("s3cret-value", "s3cret-valuf"));
    assertFalse(ConstantTime.equals("s3cret-value", "s3cret"));
    assertFalse(ConstantTime.equals("s3cret-value", ""));
    assertFalse(ConstantTime.equals("s3cret-value", null));
    assertFalse(ConstantTime.equals(null, null));
  }
}
