package dev.gatehouse.resourceserver;

import dev.gatehouse.config.ResourceServerSettings;
import dev.gatehouse.protocol.BearerChallengeException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.ErrorCodeValidator;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Validates a JWT access token with jose4j: trusted issuer (exact), signature by one of its
 * published keys with an allowed asymmetric algorithm, {@code typ} at+jwt, audience, expiry,
 * not-before and issued-at with a small clock skew; then, where a {@link RevocationCheck} is
 * deployed, not revoked.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9068#section-4">RFC 9068 §4</a>
 */
@ApplicationScoped
public class TokenVerifier {

  private static final String AT_JWT = "at+jwt";

  @Inject ResourceServerSettings settings;
  @Inject IssuerTrust trust;
  @Inject Instance<RevocationCheck> revocationChecks;

  private Optional<RevocationCheck> revocation;

  /** At most one revocation check: two would leave it unclear which one decides. */
  @PostConstruct
  void resolveRevocationCheck() {
    if (revocationChecks.isAmbiguous()) {
      throw new IllegalStateException("More than one RevocationCheck bean is deployed");
    }
    revocation =
        revocationChecks.isResolvable() ? Optional.of(revocationChecks.get()) : Optional.empty();
  }

  /** The verified caller; any failure is an invalid_token challenge. */
  public TokenPrincipal verify(String token) {
    String issuer = unverifiedIssuer(token);
    if (!trust.trusts(issuer)) {
      throw BearerChallengeException.invalidToken("The token's issuer is not trusted");
    }
    JwtConsumerBuilder builder =
        new JwtConsumerBuilder()
            .setJwsAlgorithmConstraints(
                new AlgorithmConstraints(
                    ConstraintType.PERMIT, settings.algorithms().toArray(String[]::new)))
            .setVerificationKeyResolver(trust.resolverFor(issuer))
            .setExpectedIssuer(issuer)
            .setExpectedAudience(settings.audience())
            .setRequireExpirationTime()
            .setRequireIssuedAt()
            .setRequireSubject()
            .setAllowedClockSkewInSeconds((int) settings.clockSkew().toSeconds());
    if (settings.acceptJwtTyp()) {
      ErrorCodeValidator typ =
          context ->
              acceptedWithJwtTyp(context.getJoseObjects().get(0).getHeader("typ"))
                  ? null
                  : new ErrorCodeValidator.Error(
                      ErrorCodes.TYPE_INVALID, "typ is neither at+jwt nor JWT");
      builder.registerValidator(typ);
    } else {
      builder.setExpectedType(true, AT_JWT);
    }
    try {
      JwtClaims claims = builder.build().processToClaims(token);
      String jti = claims.getJwtId();
      if (revocation.isPresent() && revocation.get().isRevoked(issuer, jti)) {
        throw BearerChallengeException.invalidToken(
            "The access token is revoked, expired or unknown");
      }
      return principal(claims);
    } catch (InvalidJwtException e) {
      throw BearerChallengeException.invalidToken(reason(e));
    } catch (MalformedClaimException e) {
      throw BearerChallengeException.invalidToken("The access token has malformed claims");
    }
  }

  /**
   * With {@code oidc.resource-server.accept-jwt-typ}: RFC 9068's {@code at+jwt}, or {@code JWT}, or
   * none (as many issuers send), with or without the {@code application/} prefix. Any other type
   * (an ID token's, a logout token's) is still refused: accepting JWT must not accept every JWT.
   */
  static boolean acceptedWithJwtTyp(String typ) {
    if (typ == null) {
      return true;
    }
    String type = typ.toLowerCase(Locale.ROOT);
    if (type.startsWith("application/")) {
      type = type.substring("application/".length());
    }
    return type.equals(AT_JWT) || type.equals("jwt");
  }

  private static String unverifiedIssuer(String token) {
    try {
      return new JwtConsumerBuilder()
          .setSkipAllValidators()
          .setDisableRequireSignature()
          .setSkipSignatureVerification()
          .build()
          .processToClaims(token)
          .getIssuer();
    } catch (InvalidJwtException | MalformedClaimException e) {
      throw BearerChallengeException.invalidToken("The access token is not a valid JWT");
    }
  }

  private static TokenPrincipal principal(JwtClaims claims) throws MalformedClaimException {
    Set<String> scopes = new LinkedHashSet<>();
    Object scope = claims.getClaimValue("scope");
    if (scope instanceof String s && !s.isBlank()) {
      scopes.addAll(List.of(s.trim().split(" +")));
    } else if (claims.isClaimValueStringList("scp")) {
      scopes.addAll(withoutNulls(claims.getStringListClaimValue("scp")));
    }
    List<String> groups =
        claims.isClaimValueStringList("groups")
            ? withoutNulls(claims.getStringListClaimValue("groups"))
            : List.of();
    // A JSON null is a value an issuer may send ("acr": null); Map.copyOf would refuse it.
    Map<String, Object> all = new LinkedHashMap<>(claims.getClaimsMap());
    all.values().removeIf(Objects::isNull);
    return new TokenPrincipal(
        claims.getSubject(),
        claims.getIssuer(),
        claims.getClaimValueAsString("client_id"),
        Set.copyOf(scopes),
        List.copyOf(groups),
        Map.copyOf(all));
  }

  /** jose4j counts {@code ["a", null]} a string list. */
  private static List<String> withoutNulls(List<String> values) {
    return values.stream().filter(Objects::nonNull).toList();
  }

  /** A fixed phrase per failure: the response says what is wrong, never echoes token contents. */
  private static String reason(InvalidJwtException e) {
    if (e.hasExpired()) {
      return "The access token expired";
    }
    if (e.hasErrorCode(ErrorCodes.NOT_YET_VALID)) {
      return "The access token is not yet valid";
    }
    if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID)
        || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
      return "The access token is not meant for this resource (aud)";
    }
    if (e.hasErrorCode(ErrorCodes.TYPE_INVALID) || e.hasErrorCode(ErrorCodes.TYPE_MISSING)) {
      return "The token is not an access token (typ)";
    }
    if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)) {
      return "The access token signature is not valid";
    }
    return "The access token is not valid";
  }
}
