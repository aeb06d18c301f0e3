package dev.gatehouse.token;

import dev.gatehouse.config.ProviderSettings;
import dev.gatehouse.keys.KeyRing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;

/**
 * Recognizes this provider's own access tokens: signed by one of its published keys (checked in
 * process, no HTTP), its issuer, not expired (no clock skew for exp), {@code typ} at+jwt (or JWT
 * for the mp-jwt profile), recorded as an issued access token, and still active: neither it nor its
 * grant was revoked, even though the signature is still valid.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9068#section-4">RFC 9068 §4</a>
 */
@ApplicationScoped
public class AccessTokenVerifier {

  @Inject KeyRing keyRing;
  @Inject ProviderSettings provider;
  @Inject AccessTokenRepository records;

  /** The claims of an active access token of this provider; empty for anything else. */
  public Optional<JwtClaims> verify(String token) {
    if (token == null || token.length() > 8192) {
      return Optional.empty();
    }
    JwtConsumer consumer =
        signedByThisProvider()
            .setExpectedIssuer(provider.issuer())
            .setSkipDefaultAudienceValidation()
            .setRequireExpirationTime()
            .setRequireSubject()
            .setRequireJwtId()
            .setAllowedClockSkewInSeconds(30)
            .build();
    try {
      JwtContext context = consumer.process(token);
      if (!isAccessTokenType(context)) {
        return Optional.empty();
      }
      // Only tokens recorded as issued access tokens count: an ID token (no recorded jti) never
      // does.
      JwtClaims claims = context.getJwtClaims();
      // Expired by the provider's own clock, without the skew (kept for nbf between instances):
      // UserInfo, introspection and revocation agree on the very second a token ends (RFC 7662 §4).
      Instant now = Instant.now();
      if (!claims.getExpirationTime().isAfter(NumericDate.fromSeconds(now.getEpochSecond()))) {
        return Optional.empty();
      }
      return records.isActive(claims.getJwtId(), now) ? Optional.of(claims) : Optional.empty();
    } catch (InvalidJwtException | MalformedClaimException e) {
      return Optional.empty();
    }
  }

  /**
   * The client an access token of this provider was issued to, whatever its state now (expired,
   * revoked, its record purged): signed by one of its published keys, its issuer, type, jti and
   * client_id, without the other checks of {@link #verify}. Revocation refuses another client's
   * token by this, alike whether or not it is still active, so a refusal tells nothing of a token's
   * state (RFC 7009 §2.1, RFC 7662 §4).
   */
  public Optional<String> issuedTo(String token) {
    if (token == null || token.length() > 8192) {
      return Optional.empty();
    }
    JwtConsumer consumer = signedByThisProvider().setSkipAllValidators().build();
    try {
      JwtContext context = consumer.process(token);
      JwtClaims claims = context.getJwtClaims();
      if (!isAccessTokenType(context)
          || !provider.issuer().equals(claims.getIssuer())
          || claims.getJwtId() == null) {
        return Optional.empty();
      }
      return Optional.ofNullable(claims.getStringClaimValue("client_id"));
    } catch (InvalidJwtException | MalformedClaimException e) {
      return Optional.empty();
    }
  }

  /** Signature checks: RS256 by one of the provider's published keys. */
  private JwtConsumerBuilder signedByThisProvider() {
    return new JwtConsumerBuilder()
        .setJwsAlgorithmConstraints(
            new AlgorithmConstraints(ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256))
        .setVerificationKeyResolver(keyRing.verificationKeyResolver());
  }

  private static boolean isAccessTokenType(JwtContext context) {
    String typ = context.getJoseObjects().get(0).getHeader("typ");
    return "at+jwt".equals(typ) || "JWT".equals(typ);
  }
}
