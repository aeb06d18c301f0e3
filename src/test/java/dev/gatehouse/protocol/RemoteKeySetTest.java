package dev.gatehouse.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

public class RemoteKeySetTest {

  static final Duration MAX_AGE = Duration.ofMinutes(10);
  static final Duration MIN_REFRESH = Duration.ofSeconds(30);

  static RsaJsonWebKey key(String kid) throws Exception {
    RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
    key.setKeyId(kid);
    return key;
  }

  /** A JWS signed by the key, as a verifier receives it (parsed from its serialization). */
  public static JsonWebSignature signedBy(RsaJsonWebKey key) throws Exception {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload("{}");
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setKeyIdHeaderValue(key.getKeyId());
    jws.setKey(key.getPrivateKey());
    JsonWebSignature parsed = new JsonWebSignature();
    parsed.setCompactSerialization(jws.getCompactSerialization());
    return parsed;
  }

  /** A key source whose published keys and availability the test controls, counting fetches. */
  static final class FakeSource implements RemoteKeySet.KeySource {
    final List<JsonWebKey> published = new ArrayList<>();
    final AtomicInteger fetches = new AtomicInteger();
    volatile boolean down;
    volatile boolean slow;

    /** A clock that a slow fetch moves on by the minimum interval, as a fetch that long would. */
    volatile MutableClock advancing;

    @Override
    public List<JsonWebKey> fetch(String location) throws Exception {
      fetches.incrementAndGet();
      if (advancing != null) {
        advancing.now = advancing.now.plus(MIN_REFRESH);
      }
      if (slow) {
        Thread.sleep(500);
      }
      if (down) {
        throw new java.io.IOException("issuer down");
      }
      return List.copyOf(published);
    }
  }

  static final class MutableClock extends Clock {
    volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void keyForWhenKidPublishedThenFetchedOnceAndCached() throws Exception {
    RsaJsonWebKey k1 = key("k1");
    FakeSource source = new FakeSource();
    source.published.add(k1);
    RemoteKeySet issuer =
        new RemoteKeySet("https://op", source, MAX_AGE, MIN_REFRESH, new MutableClock());

    assertNotNull(issuer.keyFor(signedBy(k1)));
    assertNotNull(issuer.keyFor(signedBy(k1)));
    assertEquals(1, source.fetches.get());
  }

  @Test
  void keyForWhenIssuerRotatedThenUnknownKidTriggersRefresh() throws Exception {
    RsaJsonWebKey k1 = key("k1");
    RsaJsonWebKey k2 = key("k2");
    FakeSource source = new FakeSource();
    source.published.add(k1);
    MutableClock clock = new MutableClock();
    RemoteKeySet issuer = new RemoteKeySet("https://op", source, MAX_AGE, MIN_REFRESH, clock);
    issuer.keyFor(signedBy(k1));
    source.published.add(k2);
    clock.now = clock.now.plus(MIN_REFRESH);

    assertNotNull(issuer.keyFor(signedBy(k2)));
    assertEquals(2, source.fetches.get());
  }

  @Test
  void keyForWhenFloodOfUnknownKidsThenAtMostOneFetchPerInterval() throws Exception {
    FakeSource source = new FakeSource();
    source.published.add(key("k1"));
    MutableClock clock = new MutableClock();
    RemoteKeySet issuer = new RemoteKeySet("https://op", source, MAX_AGE, MIN_REFRESH, clock);
    issuer.keyFor(signedBy(key("k1")));
    JsonWebSignature bogus = signedBy(key("bogus"));

    for (int i = 0; i < 100; i++) {
      assertNull(issuer.keyFor(bogus));
    }
    assertEquals(1, source.fetches.get(), "the first fetch was moments ago: no refetch");
    clock.now = clock.now.plus(MIN_REFRESH);
    for (int i = 0; i < 100; i++) {
      issuer.keyFor(bogus);
    }
    assertEquals(2, source.fetches.get());
  }

  @Test
  void keyForWhenIssuerDownAndKeysStaleThenCachedKeysStillVerify() throws Exception {
    RsaJsonWebKey k1 = key("k1");
    FakeSource source = new FakeSource();
    source.published.add(k1);
    MutableClock clock = new MutableClock();
    RemoteKeySet issuer = new RemoteKeySet("https://op", source, MAX_AGE, MIN_REFRESH, clock);
    issuer.keyFor(signedBy(k1));
    source.down = true;
    clock.now = clock.now.plus(MAX_AGE).plusSeconds(1);

    assertNotNull(issuer.keyFor(signedBy(k1)));
    assertEquals(2, source.fetches.get(), "it tried to refresh the aged keys");
    for (int i = 0; i < 100; i++) {
      assertNotNull(issuer.keyFor(signedBy(k1)));
    }
    assertEquals(2, source.fetches.get(), "while it is down, not again on every request");
    clock.now = clock.now.plus(MIN_REFRESH);
    issuer.keyFor(signedBy(k1));
    assertEquals(3, source.fetches.get(), "again after the interval");
  }

  @Test
  void keyForWhenKeysAgedThenRefetchedAndRemovedKeyNoLongerVerifies() throws Exception {
    RsaJsonWebKey k1 = key("k1");
    FakeSource source = new FakeSource();
    source.published.add(k1);
    MutableClock clock = new MutableClock();
    RemoteKeySet issuer = new RemoteKeySet("https://op", source, MAX_AGE, MIN_REFRESH, clock);
    issuer.keyFor(signedBy(k1));
    source.published.clear();
    source.published.add(key("k2"));
    clock.now = clock.now.plus(MAX_AGE);

    assertNull(issuer.keyFor(signedBy(k1)));
  }

  /**
   * Callers that arrive while a slow fetch fails wait for it once and take its failure: one fetch
   * in all, not one after another (a key server that never answers would otherwise hold each caller
   * for the sum of all the fetches before it); the next is allowed after the interval.
   */
  @Test
  void keyForWhenManyCallersMeetASlowFailingFetchThenOneFetchAndEachWaitsItOnce() throws Exception {
    FakeSource source = slowFailingSource();
    MutableClock clock = new MutableClock();
    RemoteKeySet keys = new RemoteKeySet("https://rp/jwks", source, MAX_AGE, MIN_REFRESH, clock);
    JsonWebSignature jws = signedBy(key("k1"));
    long start = System.nanoTime();

    assertEightCallersRefused(keys, jws, 0);

    long waited = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals(1, source.fetches.get(), "one fetch for all eight callers");
    assertTrue(waited < 3_000, "about one fetch (500 ms), not eight (4 s): " + waited + " ms");
    assertNull(keys.keyFor(jws));
    assertEquals(1, source.fetches.get(), "after a failure, none before the interval");
    clock.now = clock.now.plus(MIN_REFRESH);
    source.down = false;
    source.slow = false;
    source.published.add(key("k2"));
    keys.keyFor(jws);
    assertEquals(2, source.fetches.get(), "then one again");
  }

  /**
   * A fetch that lasts the minimum interval and fails: callers that came while it ran (their clock
   * already past the interval) wait for it and take its failure, rather than start a second fetch
   * for their unknown kid.
   */
  @Test
  void keyForWhenCallersWaitedOutAFetchAsLongAsTheIntervalThenNoSecondFetch() throws Exception {
    FakeSource source = slowFailingSource();
    MutableClock clock = new MutableClock();
    source.advancing = clock;
    RemoteKeySet keys = new RemoteKeySet("https://rp/jwks", source, MAX_AGE, MIN_REFRESH, clock);

    // The first fetch runs 150 ms before the others come, the clock moved on by the interval.
    assertEightCallersRefused(keys, signedBy(key("k1")), 150);

    assertEquals(1, source.fetches.get(), "the late callers took the failure they waited for");
  }

  /** A source that is down and takes 500 ms to say so. */
  private static FakeSource slowFailingSource() {
    FakeSource source = new FakeSource();
    source.down = true;
    source.slow = true;
    return source;
  }

  /**
   * Eight callers ask for the JWS's key, each from its own thread: the first at once, the other
   * seven {@code lateMillis} later; none gets a key.
   */
  private static void assertEightCallersRefused(
      RemoteKeySet keys, JsonWebSignature jws, long lateMillis) throws Exception {
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<java.security.Key>> answers = new ArrayList<>();
      answers.add(pool.submit(() -> keys.keyFor(jws)));
      Thread.sleep(lateMillis);
      for (int i = 0; i < 7; i++) {
        answers.add(pool.submit(() -> keys.keyFor(jws)));
      }
      for (var answer : answers) {
        assertNull(answer.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
