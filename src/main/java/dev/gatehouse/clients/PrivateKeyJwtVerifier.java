package dev.gatehouse.clients;

import dev.gatehouse.protocol.BoundedHttpGet;
import dev.gatehouse.protocol.OAuthException;
import dev.gatehouse.protocol.RemoteKeySet;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Verifies a private_key_jwt client assertion with jose4j: signature by one of the client's keys
 * (inline {@code jwks} or {@code jwks_uri}), asymmetric algorithms only, {@code iss} = {@code sub}
 * = client_id, an accepted audience, {@code exp} required and at most an hour ahead, {@code jti}
 * required.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7523#section-3">RFC 7523 §3</a>
 */
@ApplicationScoped
public class PrivateKeyJwtVerifier {

  static final int CLOCK_SKEW_SECONDS = 60;
  static final int MAX_LIFETIME_MINUTES = 60;

  /** Remote key sets kept at once; past that the least recently used one is dropped. */
  static final int MAX_REMOTE_KEY_SETS = 1000;

  /** How long a client's fetched keys are used before they are fetched again. */
  static final Duration KEYS_MAX_AGE = Duration.ofHours(1);

  /**
   * An unknown kid fetches the client's keys anew at most this often, and a failed fetch is not
   * tried again sooner: meanwhile its assertions are refused at once, without waiting.
   */
  static final Duration REFETCH_INTERVAL = Duration.ofSeconds(30);

  /** An operator-created client's jwks_uri may be on an internal host. */
  private static final BoundedHttpGet FETCH = new BoundedHttpGet();

  /** A self-registered client's jwks_uri is fetched from a public host only (RFC 7591 §5). */
  private static final BoundedHttpGet PUBLIC_FETCH = BoundedHttpGet.publicHostsOnly();

  /**
   * Registration is open: one client after another must not grow this without bound, nor, by
   * filling it, make the clients in use fetch their keys anew and lose their refetch limits.
   */
  private final Map<String, RemoteKeySet> remoteKeySets =
      Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, RemoteKeySet> eldest) {
              return size() > MAX_REMOTE_KEY_SETS;
            }
          });

  /**
   * A client's jwks_uri keys, each fetch within hard bounds ({@link BoundedHttpGet}) and one at a
   * time ({@link RemoteKeySet}): a slow, failing or endless key server costs each token request one
   * bounded fetch at most, never a queue of them.
   */
  static RemoteKeySet remoteKeySet(String jwksUri, BoundedHttpGet fetch) {
    return new RemoteKeySet(
        jwksUri,
        uri -> new JsonWebKeySet(fetch.get(uri)).getJsonWebKeys(),
        KEYS_MAX_AGE,
        REFETCH_INTERVAL,
        Clock.systemUTC());
  }

  /** The {@code iss} of an assertion, read without verification, to find the client. */
  public static String unverifiedIssuer(String assertion) {
    try {
      JwtClaims claims =
          new JwtConsumerBuilder()
              .setSkipAllValidators()
              .setDisableRequireSignature()
              .setSkipSignatureVerification()
              .build()
              .processToClaims(assertion);
      return claims.getIssuer();
    } catch (Exception e) {
      throw OAuthException.invalidClient("client_assertion is not a valid JWT");
    }
  }

  /** The verified claims; any failure is invalid_client. */
  public JwtClaims verify(String assertion, Client client, List<String> audiences) {
    String clientId = client.clientId();
    JwtConsumer consumer =
        new JwtConsumerBuilder()
            .setJwsAlgorithmConstraints(
                new AlgorithmConstraints(
                    ConstraintType.PERMIT,
                    client.metadata().assertionAlgorithms().toArray(String[]::new)))
            .setVerificationKeyResolver(keys(client.metadata(), selfRegistered(client)))
            .setExpectedIssuer(clientId)
            .setExpectedSubject(clientId)
            .setExpectedAudience(true, audiences.toArray(String[]::new))
            .setRequireExpirationTime()
            .setMaxFutureValidityInMinutes(MAX_LIFETIME_MINUTES)
            .setRequireJwtId()
            .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
            .build();
    try {
      return consumer.processToClaims(assertion);
    } catch (InvalidJwtException e) {
      throw OAuthException.invalidClient("client_assertion was rejected: " + reason(e));
    }
  }

  private static boolean selfRegistered(Client client) {
    return client.origin() != Client.Origin.CONFIGURED;
  }

  private VerificationKeyResolver keys(ClientMetadata client, boolean selfRegistered) {
    try {
      if (client.jwks() != null) {
        return new JwksVerificationKeyResolver(
            new JsonWebKeySet(client.jwks().toString()).getJsonWebKeys());
      }
      if (client.jwksUri() != null) {
        // Keyed by who may fetch what: keys an operator's client fetched from an internal host
        // are never served to a self-registered client naming the same URL.
        RemoteKeySet keys =
            selfRegistered
                ? remoteKeySets.computeIfAbsent(
                    "registered " + client.jwksUri(),
                    key -> remoteKeySet(client.jwksUri(), PUBLIC_FETCH))
                : remoteKeySets.computeIfAbsent(
                    "configured " + client.jwksUri(), key -> remoteKeySet(client.jwksUri(), FETCH));
        return (jws, nestingContext) -> {
          Key key = keys.keyFor(jws);
          if (key == null) {
            throw new UnresolvableKeyException("No key of the client's jwks_uri matches");
          }
          return key;
        };
      }
    } catch (JoseException | RuntimeException e) {
      // A RuntimeException too: jose4j casts blindly, and a jwks stored before registration
      // checked its shape may hold anything.
      throw OAuthException.invalidClient("The client's registered keys cannot be read");
    }
    throw OAuthException.invalidClient("The client has no registered keys");
  }

  /**
   * A fixed phrase per failure: never the library's own message, which names its classes and may
   * quote the client's registered keys or the assertion itself.
   */
  static String reason(InvalidJwtException e) {
    if (e.hasExpired()) {
      return "expired";
    }
    if (e.hasErrorCode(ErrorCodes.EXPIRATION_MISSING)) {
      return "exp is required";
    }
    if (e.hasErrorCode(ErrorCodes.EXPIRATION_TOO_FAR_IN_FUTURE)) {
      return "exp is more than " + MAX_LIFETIME_MINUTES + " minutes ahead";
    }
    if (e.hasErrorCode(ErrorCodes.NOT_YET_VALID)
        || e.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_FUTURE)) {
      return "not yet valid";
    }
    if (e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)
        || e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID)) {
      return "aud does not name this server or endpoint";
    }
    if (e.hasErrorCode(ErrorCodes.ISSUER_MISSING)
        || e.hasErrorCode(ErrorCodes.ISSUER_INVALID)
        || e.hasErrorCode(ErrorCodes.SUBJECT_MISSING)
        || e.hasErrorCode(ErrorCodes.SUBJECT_INVALID)) {
      return "iss and sub must both be the client_id";
    }
    if (e.hasErrorCode(ErrorCodes.JWT_ID_MISSING)) {
      return "jti is required";
    }
    if (e.hasErrorCode(ErrorCodes.MALFORMED_CLAIM) || e.hasErrorCode(ErrorCodes.JSON_INVALID)) {
      return "malformed claims";
    }
    return "not signed with an accepted algorithm by one of the client's registered keys";
  }
}
