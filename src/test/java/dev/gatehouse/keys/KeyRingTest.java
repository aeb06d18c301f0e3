package dev.gatehouse.keys;

import static dev.gatehouse.keys.SigningKeyTest.T0;
import static dev.gatehouse.keys.SigningKeyTest.newKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.UnresolvableKeyException;
import org.junit.jupiter.api.Test;

/** Own tokens signed by a key the ring has not loaded yet (activated by another instance). */
class KeyRingTest {

  private final PrivateKeyProtector clear = new PrivateKeyProtector(null);

  @Test
  void resolverWhenTokenNamesAKeyNotLoadedThenKeysLoadedAnewAndItVerifies() throws Exception {
    SigningKey a = active();
    SigningKey b = active();
    CountingRing ring = new CountingRing(KeySet.of(List.of(a, b), clear, KeySet.EMPTY));

    assertNotNull(ring.verificationKeyResolver().resolveKey(signedBy(b), List.of()));
    assertEquals(1, ring.loads);
  }

  /** A forged kid cannot make every request read the keys: once per interval at most. */
  @Test
  void resolverWhenUnknownKeysComeInARowThenOneLoadPerInterval() throws Exception {
    SigningKey a = active();
    SigningKey b = active();
    CountingRing ring =
        new CountingRing(
            KeySet.of(List.of(a), clear, KeySet.EMPTY),
            KeySet.of(List.of(a, b), clear, KeySet.EMPTY));
    assertNotNull(ring.verificationKeyResolver().resolveKey(signedBy(a), List.of()));

    assertThrows(
        UnresolvableKeyException.class,
        () -> ring.verificationKeyResolver().resolveKey(signedBy(b), List.of()));
    assertEquals(1, ring.loads, "the second unknown key came within the interval");
  }

  private SigningKey active() {
    SigningKey key = newKey(T0);
    key.activate(T0);
    return key;
  }

  private JsonWebSignature signedBy(SigningKey key) throws Exception {
    KeySet own = KeySet.of(List.of(key), clear, KeySet.EMPTY);
    JsonWebSignature jws = new JsonWebSignature();
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setKeyIdHeaderValue(key.kid());
    jws.setKey(own.signer().getPrivateKey());
    jws.setPayload("{\"iss\":\"https://op.example\"}");
    JsonWebSignature parsed = new JsonWebSignature();
    parsed.setCompactSerialization(jws.getCompactSerialization());
    return parsed;
  }

  /** A ring whose stored keys are the given sets, one per load (the last one stays). */
  private static final class CountingRing extends KeyRing {
    private final Deque<KeySet> stored;
    int loads;

    CountingRing(KeySet... stored) {
      this.stored = new ArrayDeque<>(List.of(stored));
    }

    @Override
    KeySet load() {
      loads++;
      return stored.size() > 1 ? stored.poll() : stored.peek();
    }
  }
}
