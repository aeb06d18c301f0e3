package dev.gatehouse.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.interfaces.RSAPublicKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Test;

class RsaKeysTest {

  @Test
  void generateThenKidIsRfc7638ThumbprintAndPublicJwkHasNoPrivateMembers() throws Exception {
    RsaKeys.Generated key = RsaKeys.generate(2048);

    PublicJsonWebKey publicJwk = RsaKeys.readPublic(key.kid(), key.publicJwk());
    assertEquals(key.kid(), publicJwk.getKeyId());
    assertEquals(43, key.kid().length(), "base64url SHA-256 thumbprint");
    for (String member : new String[] {"\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\""}) {
      assertFalse(key.publicJwk().contains(member), member + " leaked into the public JWK");
    }
    assertTrue(key.publicJwk().contains("\"alg\":\"RS256\""));
    assertTrue(key.publicJwk().contains("\"use\":\"sig\""));
  }

  @Test
  void generateThenModulusHasRequestedSizeAndKidsDiffer() throws Exception {
    RsaKeys.Generated a = RsaKeys.generate(2048);
    RsaKeys.Generated b = RsaKeys.generate(2048);

    RSAPublicKey rsa = (RSAPublicKey) RsaKeys.readPublic(a.kid(), a.publicJwk()).getPublicKey();
    assertEquals(2048, rsa.getModulus().bitLength());
    assertNotEquals(a.kid(), b.kid());
  }

  @Test
  void readPrivateWhenStoredKeyMatchesKidThenPrivateKeyAvailable() throws Exception {
    RsaKeys.Generated key = RsaKeys.generate(2048);

    assertNotNull(RsaKeys.readPrivate(key.kid(), key.privateJwk()).getPrivateKey());
  }

  @Test
  void readPrivateWhenOnlyPublicPartStoredThenKeyUnavailable() {
    RsaKeys.Generated key = RsaKeys.generate(2048);

    assertThrows(
        KeyUnavailableException.class, () -> RsaKeys.readPrivate(key.kid(), key.publicJwk()));
  }

  @Test
  void readPublicWhenKeySwappedUnderAnotherKidThenKeyUnavailable() {
    RsaKeys.Generated a = RsaKeys.generate(2048);
    RsaKeys.Generated b = RsaKeys.generate(2048);

    assertThrows(KeyUnavailableException.class, () -> RsaKeys.readPublic(a.kid(), b.publicJwk()));
  }

  @Test
  void readPublicWhenNotAJwkThenKeyUnavailable() {
    assertThrows(
        KeyUnavailableException.class, () -> RsaKeys.readPublic("kid", "{\"kty\":\"nope\"}"));
    assertThrows(KeyUnavailableException.class, () -> RsaKeys.readPublic("kid", "not json"));
  }
}
