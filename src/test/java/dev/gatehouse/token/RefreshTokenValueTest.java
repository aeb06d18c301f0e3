package dev.gatehouse.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The refresh token's form: a family shared by a rotation chain, then a secret of its own with the
 * MAC that shows it was issued under the family's key.
 */
class RefreshTokenValueTest {

  @Test
  void issueWhenOfAFamilyThenNamesItAndCarries192RandomBitsAndTheirMac() {
    String family = RefreshTokenValue.newFamily();
    String key = RefreshTokenValue.newFamilyKey();

    String first = RefreshTokenValue.issue(family, key);
    String second = RefreshTokenValue.issue(family, key);

    assertEquals(22, family.length());
    assertTrue(first.matches("[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{54}"), first);
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

  @Test
  void isGenuineWhenIssuedUnderTheFamilysKeyThenTrue() {
    String family = RefreshTokenValue.newFamily();
    String key = RefreshTokenValue.newFamilyKey();

    for (int i = 0; i < 20; i++) {
      assertTrue(RefreshTokenValue.isGenuine(RefreshTokenValue.issue(family, key), key));
    }
  }

  @Test
  void isGenuineWhenCutShortMadeUpOrUnderAnotherKeyThenFalse() {
    String family = RefreshTokenValue.newFamily();
    String key = RefreshTokenValue.newFamilyKey();
    String token = RefreshTokenValue.issue(family, key);
    char last = token.charAt(token.length() - 1);
    String lastChanged = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

    for (String value :
        new String[] {
          family + ".x",
          family + "." + "A".repeat(54),
          token.substring(0, token.length() - 1),
          token + "A",
          lastChanged,
          RefreshTokenValue.issue(family, RefreshTokenValue.newFamilyKey()),
          RefreshTokenValue.issue(family, null)
        }) {
      assertFalse(RefreshTokenValue.isGenuine(value, key), value);
    }
  }

  @Test
  void isGenuineWhenFamilyBegunBeforeKeysThenAnyValueOfItCounts() {
    String family = RefreshTokenValue.newFamily();

    assertTrue(
        RefreshTokenValue.issue(family, null).matches("[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}"));
    assertTrue(RefreshTokenValue.isGenuine(family + ".x", null), "as before keys existed");
  }
}
