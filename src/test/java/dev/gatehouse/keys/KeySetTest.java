package dev.gatehouse.keys;

import static dev.gatehouse.keys.SigningKeyTest.T0;
import static dev.gatehouse.keys.SigningKeyTest.newKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.jose4j.jwk.JsonWebKeySet;
import org.junit.jupiter.api.Test;

class KeySetTest {

  private final PrivateKeyProtector clear = new PrivateKeyProtector(null);

  @Test
  void ofWhenActiveNextAndRetiredThenAllPublishedSignerFirstAndPublicOnly() throws Exception {
    SigningKey retired = newKey(T0);
    retired.activate(T0);
    retired.retire(T0.plusSeconds(60), Duration.ofDays(1));
    SigningKey active = newKey(T0);
    active.activate(T0.plusSeconds(60));
    SigningKey next = newKey(T0.plusSeconds(60));

    KeySet set = KeySet.of(List.of(retired, next, active), clear, KeySet.EMPTY);

    assertEquals(List.of(active.kid(), next.kid(), retired.kid()), set.publishedKids());
    assertEquals(active.kid(), set.signer().getKeyId());
    assertEquals(3, new JsonWebKeySet(set.jwksJson()).getJsonWebKeys().size());
    assertFalse(set.jwksJson().contains("\"d\""), "no private exponent in the JWKS");
    assertFalse(set.jwksJson().contains("\"p\""), "no prime in the JWKS");
  }

  @Test
  void ofWhenActiveKeyCannotBeDecryptedThenPublishedButCannotSign() {
    RsaKeys.Generated g = RsaKeys.generate(2048);
    SigningKey active =
        new SigningKey(
            g.kid(),
            RsaKeys.ALGORITHM,
            g.publicJwk(),
            new PrivateKeyProtector("the secret used at creation").protect(g.kid(), g.privateJwk()),
            T0);
    active.activate(T0);

    KeySet set =
        KeySet.of(List.of(active), new PrivateKeyProtector("a different secret"), KeySet.EMPTY);

    assertFalse(set.canSign());
    assertNull(set.signer());
    assertEquals(List.of(active.kid()), set.publishedKids());
  }

  @Test
  void ofWhenSignerUnchangedThenPreviousPrivateKeyReused() {
    SigningKey active = newKey(T0);
    active.activate(T0);
    KeySet first = KeySet.of(List.of(active), clear, KeySet.EMPTY);

    KeySet second = KeySet.of(List.of(active), clear, first);

    assertTrue(second.canSign());
    assertSame(first.signer(), second.signer());
  }

  @Test
  void ofWhenNoKeysThenEmptySetThatCannotSign() throws Exception {
    KeySet set = KeySet.of(List.of(), clear, KeySet.EMPTY);

    assertFalse(set.canSign());
    assertTrue(new JsonWebKeySet(set.jwksJson()).getJsonWebKeys().isEmpty());
  }
}
