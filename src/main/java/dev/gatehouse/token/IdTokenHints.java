package dev.gatehouse.token;

import dev.gatehouse.config.ProviderSettings;
import dev.gatehouse.keys.KeyRing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;

/**
 * Reads an id_token_hint: an ID token this provider signed (with any published key) and issued,
 * accepted even when expired, as RP-Initiated Logout allows. An access token is signed by the same
 * keys for the same issuer and subject, but is no ID token: it carries a {@code jti} (RFC 9068
 * §2.2), which the ID tokens issued here never do, and is refused (RFC 8725 §3.11).
 *
 * @see <a href="https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout">RP-Initiated
 *     Logout 1.0 §2</a>
 */
@ApplicationScoped
public class IdTokenHints {

  @Inject KeyRing keyRing;
  @Inject ProviderSettings provider;

  /**
   * Whether a hint that failed verification names a key this provider no longer publishes (purged
   * after a rotation and the retention): an old ID token an RP kept, not a forgery, so it is read
   * as no hint at all rather than refused.
   */
  public boolean namesUnknownKey(String hint) {
    try {
      String kid = JsonWebStructure.fromCompactSerialization(hint).getKeyIdHeaderValue();
      return kid != null && !keyRing.current().publishedKids().contains(kid);
    } catch (JoseException | RuntimeException e) {
      return false;
    }
  }

  public Optional<JwtClaims> verify(String hint) {
    if (hint == null || hint.isEmpty() || hint.length() > 16384) {
      return Optional.empty();
    }
    try {
      JwtClaims claims =
          new JwtConsumerBuilder()
              .setJwsAlgorithmConstraints(
                  new AlgorithmConstraints(
                      ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256))
              .setVerificationKeyResolver(keyRing.verificationKeyResolver())
              .setSkipAllValidators()
              .build()
              .processToClaims(hint);
      return provider.issuer().equals(claims.getIssuer())
              && claims.getSubject() != null
              && !claims.hasClaim("jti")
          ? Optional.of(claims)
          : Optional.empty();
    } catch (InvalidJwtException | MalformedClaimException e) {
      return Optional.empty();
    }
  }
}
