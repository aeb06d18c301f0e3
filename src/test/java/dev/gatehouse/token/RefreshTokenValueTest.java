package dev.gatehouse.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The refresh token's form: a family shared by a rotation chain, then a secret of its own. */
class RefreshTokenValueTest {

  @Test
  void issueWhenOfAFamilyThenNamesItAndCarries256SecretBits() {
    String family = RefreshTokenValue.newFamily();

    String first = RefreshTokenValue.issue(family);
    String second = RefreshTokenValue.issue(family);

    assertEquals(22, family.length());
    assertTrue(first.matches("[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}"), first);
    assertNotEquals(first, second);
    assertEquals(Optional.of(family), RefreshTokenValue.familyOf(first));
    assertEquals(Optional.of(family), RefreshTokenValue.familyOf(second));
    assertNotEquals(family, RefreshTokenValue.newFamily());
  }

  @Test
  void familyOfWhenLegacyOrMalformedThenEmpty() {
    String legacy = RefreshTokenValue.issueWithoutFamily();

    assertTrue(legacy.matches("[A-Za-z0-9_-]{43}"), legacy);
    assertEquals(Optional.empty(), RefreshTokenValue.familyOf(legacy));
    assertEquals(Optional.empty(), RefreshTokenValue.familyOf(null));
    assertEquals(Optional.empty(), RefreshTokenValue.familyOf(""));
    assertEquals(Optional.empty(), RefreshTokenValue.familyOf("."));
    assertEquals(Optional.empty(), RefreshTokenValue.familyOf("short.secret"));
    String family = RefreshTokenValue.newFamily();
    assertEquals(Optional.empty(), RefreshTokenValue.familyOf(family + "."), "no secret");
    assertEquals(Optional.empty(), RefreshTokenValue.familyOf(family), "no dot");
    assertEquals(Optional.empty(), RefreshTokenValue.familyOf(family + "x.secret"), "too long");
    assertEquals(
        Optional.empty(),
        RefreshTokenValue.familyOf(family.substring(1) + "+.secret"),
        "not base64url");
  }

  @Test
  void hashWhenFamiliesDifferThenHashesDifferAndAreStable() {
    String family = RefreshTokenValue.newFamily();

    assertEquals(RefreshTokenValue.hash(family), RefreshTokenValue.hash(family));
    assertNotEquals(RefreshTokenValue.hash(family), RefreshTokenValue.hash(family + "x"));
    assertNotEquals(family, RefreshTokenValue.hash(family), "only the hash is stored");
  }
}
