package dev.gatehouse.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SigningKeyTest {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  static SigningKey newKey(Instant created) {
    RsaKeys.Generated g = RsaKeys.generate(2048);
    return new SigningKey(
        g.kid(),
        RsaKeys.ALGORITHM,
        g.publicJwk(),
        new PrivateKeyProtector(null).protect(g.kid(), g.privateJwk()),
        created);
  }

  @Test
  void newKeyThenNextAndNotDueForRotation() {
    SigningKey key = newKey(T0);

    assertEquals(SigningKeyStatus.NEXT, key.status());
    assertFalse(key.isDueForRotation(T0.plus(Duration.ofDays(999)), Duration.ofDays(1)));
  }

  @Test
  void activeKeyWhenPeriodElapsedThenDueForRotation() {
    SigningKey key = newKey(T0);
    key.activate(T0);

    assertFalse(key.isDueForRotation(T0.plus(Duration.ofDays(89)), Duration.ofDays(90)));
    assertTrue(key.isDueForRotation(T0.plus(Duration.ofDays(90)), Duration.ofDays(90)));
  }

  @Test
  void activeKeyWhenRotationDisabledThenNeverDue() {
    SigningKey key = newKey(T0);
    key.activate(T0);

    assertFalse(key.isDueForRotation(T0.plus(Duration.ofDays(3650)), Duration.ZERO));
  }

  @Test
  void retireThenPublishedUntilRetentionEnds() {
    SigningKey key = newKey(T0);
    key.activate(T0);
    Instant retiredAt = T0.plus(Duration.ofDays(90));
    key.retire(retiredAt, Duration.ofHours(24));

    assertEquals(SigningKeyStatus.RETIRED, key.status());
    assertEquals(retiredAt, key.retiredAt());
    assertEquals(retiredAt.plus(Duration.ofHours(24)), key.publishUntil());
    assertFalse(key.isDueForRotation(retiredAt.plus(Duration.ofDays(900)), Duration.ofDays(1)));
  }
}
