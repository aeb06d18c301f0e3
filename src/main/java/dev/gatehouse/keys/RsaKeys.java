package dev.gatehouse.keys;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jwk.Use;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.lang.HashUtil;
import org.jose4j.lang.JoseException;

/**
 * Generates and re-reads RS256 signing JWKs whose {@code kid} is their RFC 7638 thumbprint.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7638">RFC 7638</a>
 */
final class RsaKeys {

  static final String ALGORITHM = AlgorithmIdentifiers.RSA_USING_SHA256;

  private RsaKeys() {}

  /** A fresh key pair as JWK JSON: {@code kid}, public part, and public plus private part. */
  record Generated(String kid, String publicJwk, String privateJwk) {}

  static Generated generate(int bits) {
    try {
      RsaJsonWebKey jwk = RsaJwkGenerator.generateJwk(bits);
      jwk.setAlgorithm(ALGORITHM);
      jwk.setUse(Use.SIGNATURE);
      String kid = jwk.calculateBase64urlEncodedThumbprint(HashUtil.SHA_256);
      jwk.setKeyId(kid);
      return new Generated(
          kid,
          jwk.toJson(OutputControlLevel.PUBLIC_ONLY),
          jwk.toJson(OutputControlLevel.INCLUDE_PRIVATE));
    } catch (JoseException e) {
      throw new IllegalStateException("Could not generate an RSA key", e);
    }
  }

  /** Reads a private JWK and checks that it is the key its {@code kid} names. */
  static PublicJsonWebKey readPrivate(String kid, String privateJwk)
      throws KeyUnavailableException {
    PublicJsonWebKey jwk = readPublic(kid, privateJwk);
    if (jwk.getPrivateKey() == null) {
      throw new KeyUnavailableException("stored key " + kid + " has no private part");
    }
    return jwk;
  }

  /** Reads a public JWK and checks that its thumbprint is its {@code kid}. */
  static PublicJsonWebKey readPublic(String kid, String jwkJson) throws KeyUnavailableException {
    try {
      JsonWebKey jwk = JsonWebKey.Factory.newJwk(jwkJson);
      if (!(jwk instanceof PublicJsonWebKey publicJwk)
          || !kid.equals(jwk.calculateBase64urlEncodedThumbprint(HashUtil.SHA_256))) {
        throw new KeyUnavailableException("stored key " + kid + " does not match its kid");
      }
      return publicJwk;
    } catch (JoseException e) {
      throw new KeyUnavailableException("stored key " + kid + " is not a valid JWK");
    }
  }
}
