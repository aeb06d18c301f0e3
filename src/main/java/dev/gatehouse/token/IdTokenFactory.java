package dev.gatehouse.token;

import dev.gatehouse.config.ProviderSettings;
import dev.gatehouse.config.TokenSettings;
import dev.gatehouse.keys.TokenSigner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * ID tokens: iss, sub, aud (the client), exp, iat, auth_time, nonce, at_hash, sid and the claims
 * released by the granted scopes; RS256 with kid.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#IDToken">OpenID Connect Core
 *     §2</a>
 */
@ApplicationScoped
public class IdTokenFactory {

  @Inject TokenSigner signer;
  @Inject TokenSettings settings;
  @Inject ProviderSettings provider;

  public String issue(
      Grant grant, String nonce, String accessToken, Map<String, Object> userClaims, Instant now) {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(provider.issuer());
    claims.setSubject(grant.subject());
    claims.setAudience(grant.clientId());
    claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
    claims.setExpirationTime(
        NumericDate.fromSeconds(now.plus(settings.idTokenTtl()).getEpochSecond()));
    claims.setClaim("auth_time", grant.authTime().getEpochSecond());
    if (nonce != null) {
      claims.setClaim("nonce", nonce);
    }
    claims.setClaim("at_hash", atHash(accessToken));
    if (grant.sid() != null) {
      claims.setClaim("sid", grant.sid());
    }
    userClaims.forEach(claims::setClaim);
    return signer.sign(claims, "JWT");
  }

  /** Core §3.1.3.6: base64url of the left half of SHA-256 over the access token's ASCII octets. */
  static String atHash(String accessToken) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(accessToken.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(Arrays.copyOf(digest, digest.length / 2));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
