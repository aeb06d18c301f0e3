package dev.gatehouse.resourceserver;

import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * One trusted issuer's signing keys: found through its discovery document, cached, refetched when
 * they age or when a token names an unknown {@code kid} (at most once per minimum interval), and
 * kept when the issuer is briefly unreachable.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#RotateSigKeys">OpenID Connect
 *     Core §10.1.1</a>
 */
final class TrustedIssuer {

  private static final Logger LOG = Logger.getLogger(TrustedIssuer.class.getName());

  /** Fetches the issuer's current key set (discovery, then jwks_uri). */
  interface KeySource {
    List<JsonWebKey> fetch(String issuer) throws Exception;
  }

  private final String issuer;
  private final KeySource source;
  private final Duration maxAge;
  private final Duration minRefreshInterval;
  private final Clock clock;

  private volatile List<JsonWebKey> keys = List.of();
  private volatile long fetchedAt = Long.MIN_VALUE;
  private volatile long lastAttempt = Long.MIN_VALUE;

  TrustedIssuer(
      String issuer, KeySource source, Duration maxAge, Duration minRefreshInterval, Clock clock) {
    this.issuer = issuer;
    this.source = source;
    this.maxAge = maxAge;
    this.minRefreshInterval = minRefreshInterval;
    this.clock = clock;
  }

  /** The key that verifies this JWS, or null when no published key matches. */
  Key keyFor(JsonWebSignature jws) {
    long now = clock.millis();
    if (fetchedAt == Long.MIN_VALUE || now - fetchedAt >= maxAge.toMillis()) {
      refresh(now);
    }
    JsonWebKey key = select(jws);
    if (key == null && now - lastAttempt >= minRefreshInterval.toMillis()) {
      // An unknown kid: the issuer may have rotated. Rate limited, so bogus kids cannot flood it.
      refresh(now);
      key = select(jws);
    }
    return key == null ? null : key.getKey();
  }

  private synchronized void refresh(long now) {
    if (lastAttempt != Long.MIN_VALUE && lastAttempt > now) {
      return;
    }
    lastAttempt = now;
    try {
      keys = List.copyOf(source.fetch(issuer));
      fetchedAt = now;
    } catch (Exception e) {
      // Keep the keys we have: a short outage must not fail tokens they can verify.
      LOG.warning(
          () ->
              "Could not refresh the keys of issuer "
                  + issuer
                  + ": "
                  + e.getClass().getSimpleName());
      if (fetchedAt == Long.MIN_VALUE) {
        fetchedAt = now - maxAge.toMillis() + minRefreshInterval.toMillis();
      }
    }
  }

  private JsonWebKey select(JsonWebSignature jws) {
    try {
      return new VerificationJwkSelector().select(jws, keys);
    } catch (JoseException e) {
      return null;
    }
  }
}
