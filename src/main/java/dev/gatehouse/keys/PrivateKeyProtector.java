package dev.gatehouse.keys;

import dev.gatehouse.config.KeySettings;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.jwx.HeaderParameterNames;
import org.jose4j.keys.PbkdfKey;
import org.jose4j.lang.JoseException;

/**
 * Encrypts private JWKs at rest with a secret held outside the database: JWE with PBES2 (PBKDF2
 * with HMAC-SHA-512 and a per-key salt) wrapping an AES-256-GCM content key. The {@code kid} rides
 * in the authenticated header, so an encrypted key cannot be moved to another row unnoticed.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7518#section-4.8">RFC 7518 §4.8</a>
 */
final class PrivateKeyProtector {

  static final String ALGORITHM = KeyManagementAlgorithmIdentifiers.PBES2_HS512_A256KW;
  private static final String ENCRYPTION = ContentEncryptionAlgorithmIdentifiers.AES_256_GCM;
  // OWASP's 2023 guidance for PBKDF2-HMAC-SHA512; paid once per key load, not per request.
  static final long ITERATIONS = 210_000L;

  private final String secret;

  /** {@code secret} null means: store keys in clear. */
  PrivateKeyProtector(String secret) {
    this.secret = secret;
  }

  static PrivateKeyProtector of(KeySettings settings) {
    return new PrivateKeyProtector(settings.encryptionSecret().orElse(null));
  }

  boolean encrypts() {
    return secret != null;
  }

  ProtectedPrivateKey protect(String kid, String privateJwkJson) {
    if (secret == null) {
      return new ProtectedPrivateKey(privateJwkJson, ProtectedPrivateKey.NONE);
    }
    try {
      JsonWebEncryption jwe = new JsonWebEncryption();
      // jose4j blocks PBES2 unless asked for it by name.
      jwe.setAlgorithmConstraints(new AlgorithmConstraints(ConstraintType.PERMIT, ALGORITHM));
      jwe.setAlgorithmHeaderValue(ALGORITHM);
      jwe.setEncryptionMethodHeaderParameter(ENCRYPTION);
      jwe.getHeaders().setObjectHeaderValue(HeaderParameterNames.PBES2_ITERATION_COUNT, ITERATIONS);
      jwe.setContentTypeHeaderValue("jwk+json");
      jwe.setKeyIdHeaderValue(kid);
      jwe.setKey(new PbkdfKey(secret));
      jwe.setPayload(privateJwkJson);
      return new ProtectedPrivateKey(jwe.getCompactSerialization(), ALGORITHM);
    } catch (JoseException e) {
      throw new IllegalStateException("Could not encrypt private key " + kid, e);
    }
  }

  /** The private JWK JSON; fails when the secret is missing or wrong, or the key was moved. */
  String reveal(String kid, ProtectedPrivateKey stored) throws KeyUnavailableException {
    if (!stored.isEncrypted()) {
      return stored.value();
    }
    if (secret == null) {
      throw new KeyUnavailableException(
          "private key " + kid + " is encrypted but oidc.keys.encryption-secret is not set");
    }
    try {
      JsonWebEncryption jwe = new JsonWebEncryption();
      jwe.setAlgorithmConstraints(new AlgorithmConstraints(ConstraintType.PERMIT, ALGORITHM));
      jwe.setContentEncryptionAlgorithmConstraints(
          new AlgorithmConstraints(ConstraintType.PERMIT, ENCRYPTION));
      jwe.setCompactSerialization(stored.value());
      jwe.setKey(new PbkdfKey(secret));
      String plaintext = jwe.getPlaintextString();
      if (!kid.equals(jwe.getKeyIdHeaderValue())) {
        throw new KeyUnavailableException("private key " + kid + " was encrypted for another kid");
      }
      return plaintext;
    } catch (JoseException e) {
      throw new KeyUnavailableException(
          "private key " + kid + " cannot be decrypted: wrong oidc.keys.encryption-secret?");
    }
  }
}
