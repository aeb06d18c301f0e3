package dev.gatehouse.protocol;

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
 * A remote party's published signing keys (a trusted issuer's, found through its discovery
 * document; a client's, at its jwks_uri): cached, refetched when they age or when a token names an
 * unknown {@code kid} (at most once per minimum interval), and kept when the party is briefly
 * unreachable. One fetch at a time: callers that waited for it use its result instead of fetching
 * again, so a slow or unreachable party costs each caller one fetch's wait at most, and after a
 * failure none waits until the minimum interval has passed.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#RotateSigKeys">OpenID Connect
 *     Core §10.1.1</a>
 */
public final class RemoteKeySet {

  private static final Logger LOG = Logger.getLogger(RemoteKeySet.class.getName());

  /** Fetches the party's current key set (for an issuer: discovery, then jwks_uri). */
  public interface KeySource {
    List<JsonWebKey> fetch(String location) throws Exception;
  }

  private final String location;
  private final KeySource source;
  private final Duration maxAge;
  private final Duration minRefreshInterval;
  private final Clock clock;

  private volatile List<JsonWebKey> keys = List.of();
  private volatile long fetchedAt = Long.MIN_VALUE;
  private volatile long lastAttempt = Long.MIN_VALUE;

  /** Fetches ended, successful or not; written under the lock only. */
  private volatile long fetches;

  public RemoteKeySet(
      String location,
      KeySource source,
      Duration maxAge,
      Duration minRefreshInterval,
      Clock clock) {
    this.location = location;
    this.source = source;
    this.maxAge = maxAge;
    this.minRefreshInterval = minRefreshInterval;
    this.clock = clock;
  }

  /** The key that verifies this JWS, or null when no published key matches. */
  public Key keyFor(JsonWebSignature jws) {
    long now = clock.millis();
    long seen = fetches;
    if (fetchedAt == Long.MIN_VALUE
        || (now - fetchedAt >= maxAge.toMillis()
            && now - lastAttempt >= minRefreshInterval.toMillis())) {
      // Aged keys are fetched anew, but not on every request while the party is down.
      refresh(now, seen);
    }
    JsonWebKey key = select(jws);
    if (key == null && now - lastAttempt >= minRefreshInterval.toMillis()) {
      // An unknown kid: the party may have rotated. Rate limited, so bogus kids cannot flood it;
      // and not again when any fetch ended since this caller came (it may have waited for it).
      refresh(now, seen);
      key = select(jws);
    }
    return key == null ? null : key.getKey();
  }

  /**
   * Fetches unless a fetch ended since this caller looked ({@code seen}, the count of ended
   * fetches): those that waited for one take its result, keys or failure, instead of each fetching
   * in turn.
   */
  private synchronized void refresh(long now, long seen) {
    if (fetches != seen) {
      return;
    }
    // The fetch's own start, not the caller's arrival (it may have waited for the lock).
    long start = Math.max(now, clock.millis());
    lastAttempt = start;
    try {
      keys = List.copyOf(source.fetch(location));
      fetchedAt = start;
    } catch (Exception e) {
      // Keep the keys we have: a short outage must not fail tokens they can verify.
      LOG.warning(
          () -> "Could not refresh the keys of " + location + ": " + e.getClass().getSimpleName());
      if (fetchedAt == Long.MIN_VALUE) {
        fetchedAt = start - maxAge.toMillis() + minRefreshInterval.toMillis();
      }
    } finally {
      fetches++;
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
