package dev.gatehouse.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PrivateKeyProtectorTest {

  private static final RsaKeys.Generated KEY = RsaKeys.generate(2048);
  private static final String SECRET = "correct horse battery staple";

  @Test
  void protectWhenSecretConfiguredThenStoredValueIsJweWithoutPrivateParts() {
    ProtectedPrivateKey stored =
        new PrivateKeyProtector(SECRET).protect(KEY.kid(), KEY.privateJwk());

    assertTrue(stored.isEncrypted());
    assertEquals(PrivateKeyProtector.ALGORITHM, stored.protection());
    assertEquals(5, stored.value().split("\\.").length, "compact JWE has five parts");
    assertFalse(stored.value().contains("\"d\""), "the private exponent must not appear in clear");
  }

  @Test
  void revealWhenSameSecretThenOriginalJwkComesBack() throws Exception {
    PrivateKeyProtector protector = new PrivateKeyProtector(SECRET);
    ProtectedPrivateKey stored = protector.protect(KEY.kid(), KEY.privateJwk());

    assertEquals(KEY.privateJwk(), protector.reveal(KEY.kid(), stored));
  }

  @Test
  void revealWhenWrongSecretThenKeyUnavailable() {
    ProtectedPrivateKey stored =
        new PrivateKeyProtector(SECRET).protect(KEY.kid(), KEY.privateJwk());

    KeyUnavailableException e =
        assertThrows(
            KeyUnavailableException.class,
            () -> new PrivateKeyProtector("another secret entirely").reveal(KEY.kid(), stored));
    assertTrue(e.getMessage().contains("cannot be decrypted"));
  }

  @Test
  void revealWhenEncryptedButNoSecretThenKeyUnavailable() {
    ProtectedPrivateKey stored =
        new PrivateKeyProtector(SECRET).protect(KEY.kid(), KEY.privateJwk());

    KeyUnavailableException e =
        assertThrows(
            KeyUnavailableException.class,
            () -> new PrivateKeyProtector(null).reveal(KEY.kid(), stored));
    assertTrue(e.getMessage().contains("encryption-secret is not set"));
  }

  @Test
  void revealWhenCiphertextMovedToAnotherKidThenKeyUnavailable() {
    PrivateKeyProtector protector = new PrivateKeyProtector(SECRET);
    ProtectedPrivateKey stored = protector.protect(KEY.kid(), KEY.privateJwk());

    assertThrows(KeyUnavailableException.class, () -> protector.reveal("some-other-kid", stored));
  }

  @Test
  void revealWhenCiphertextTamperedThenKeyUnavailable() {
    PrivateKeyProtector protector = new PrivateKeyProtector(SECRET);
    String jwe = protector.protect(KEY.kid(), KEY.privateJwk()).value();
    String[] parts = jwe.split("\\.");
    char last = parts[3].charAt(parts[3].length() - 2);
    parts[3] =
        parts[3].substring(0, parts[3].length() - 2)
            + (last == 'A' ? 'B' : 'A')
            + parts[3].charAt(parts[3].length() - 1);
    ProtectedPrivateKey tampered =
        new ProtectedPrivateKey(String.join(".", parts), PrivateKeyProtector.ALGORITHM);

    assertThrows(KeyUnavailableException.class, () -> protector.reveal(KEY.kid(), tampered));
  }

  @Test
  void protectWhenNoSecretThenStoredInClearAndMarkedSo() throws Exception {
    PrivateKeyProtector protector = new PrivateKeyProtector(null);
    ProtectedPrivateKey stored = protector.protect(KEY.kid(), KEY.privateJwk());

    assertFalse(stored.isEncrypted());
    assertEquals(KEY.privateJwk(), protector.reveal(KEY.kid(), stored));
  }
}
