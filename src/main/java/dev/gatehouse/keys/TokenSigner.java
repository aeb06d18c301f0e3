package dev.gatehouse.keys;

import dev.gatehouse.protocol.OAuthException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Signs JWTs (ID tokens, access tokens) with the active key: RS256 and its {@code kid} in the
 * header.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7515">RFC 7515</a>
 */
@ApplicationScoped
public class TokenSigner {

  @Inject KeyRing keyRing;

  public String sign(JwtClaims claims, String typ) {
    PublicJsonWebKey signer = keyRing.current().signer();
    if (signer == null) {
      throw OAuthException.temporarilyUnavailable("No signing key is available");
    }
    try {
      JsonWebSignature jws = new JsonWebSignature();
      jws.setPayload(claims.toJson());
      jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
      jws.setKeyIdHeaderValue(signer.getKeyId());
      jws.setHeader("typ", typ);
      jws.setKey(signer.getPrivateKey());
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException("Signing failed", e);
    }
  }
}
