package dev.gatehouse.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.protocol.OAuthError;
import dev.gatehouse.protocol.OAuthException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

/**
 * private_key_jwt assertions refused with a fixed description per failure: never the JOSE library's
 * message, which names its classes, quotes the client's registered keys or echoes the assertion.
 */
class PrivateKeyJwtVerifierTest {

  private static final String CLIENT = "client-1";
  private static final String AUD = "https://op.example/token";

  private final RsaJsonWebKey key = generate("k1");
  private final RsaJsonWebKey stranger = generate("k1");
  private final Client client =
      new Client(CLIENT, client(key, null), Client.Origin.CONFIGURED, Instant.now());

  @Test
  void verifyWhenSignedByTheClientsKeyThenClaims() throws Exception {
    assertEquals(CLIENT, verify(sign(key, claims())).getSubject());
  }

  @Test
  void verifyWhenAnythingIsWrongThenInvalidClientWithAFixedDescription() {
    long now = Instant.now().getEpochSecond();
    String wrongKey =
        "not signed with an accepted algorithm by one of the client's registered keys";
    List<List<String>> cases =
        List.of(
            List.of(unsigned(claims()), wrongKey),
            List.of(sign(stranger, claims()), wrongKey),
            List.of(sign(key, claims("exp", now - 600)), "expired"),
            List.of(sign(key, claims("exp", now + 7200)), "exp is more than 60 minutes ahead"),
            List.of(
                sign(key, claims("aud", "https://elsewhere.example/token")),
                "aud does not name this server or endpoint"),
            List.of(sign(key, claims("sub", "someone")), "iss and sub must both be the client_id"),
            List.of(sign(key, claims("iss", "someone")), "iss and sub must both be the client_id"),
            List.of(sign(key, claims("exp", "soon")), "malformed claims"),
            List.of(sign(key, claims("jti", null)), "jti is required"),
            List.of(sign(key, claims("exp", null)), "exp is required"));
    for (List<String> refusal : cases) {
      OAuthException refused = assertThrows(OAuthException.class, () -> verify(refusal.get(0)));
      assertEquals(OAuthError.INVALID_CLIENT, refused.error());
      assertEquals("client_assertion was rejected: " + refusal.get(1), refused.description());
    }
  }

  @Test
  void verifyWhenRefusedThenNeitherKeyNorAssertionNorLibraryInTheDescription() {
    String forged = sign(stranger, claims());

    String description = assertThrows(OAuthException.class, () -> verify(forged)).description();

    assertFalse(description.contains(key.getKeyId() + ","), description);
    assertFalse(description.contains("jose4j"), description);
    assertFalse(description.contains(forged.substring(0, 20)), description);
  }

  /**
   * RFC 7591 §5: a self-registered client's jwks_uri on a loopback (private, link-local) host is
   * never fetched, so registration cannot make the server probe its own network; an operator's
   * client may keep its keys on an internal host.
   */
  @Test
  void verifyWhenSelfRegisteredClientsJwksUriOnLoopbackThenNeverFetched() throws Exception {
    AtomicInteger fetched = new AtomicInteger();
    HttpServer server = jwksServer(fetched);
    try {
      String uri = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
      PrivateKeyJwtVerifier verifier = new PrivateKeyJwtVerifier();
      Instant now = Instant.now();
      Client registered =
          new Client("registered", client(null, uri), Client.Origin.REGISTERED, now);
      Client configured =
          new Client("configured", client(null, uri), Client.Origin.CONFIGURED, now);

      assertThrows(
          OAuthException.class,
          () -> verifier.verify(sign(key, claimsOf("registered")), registered, List.of(AUD)));
      assertEquals(0, fetched.get(), "not even one request reached the loopback host");
      assertEquals(
          "configured",
          verifier
              .verify(sign(key, claimsOf("configured")), configured, List.of(AUD))
              .getSubject());
      assertEquals(1, fetched.get());
      assertThrows(
          OAuthException.class,
          () -> verifier.verify(sign(key, claimsOf("registered")), registered, List.of(AUD)),
          "the operator's client's keys, fetched from the same URL, are not the registrant's");
      assertEquals(1, fetched.get());
    } finally {
      server.stop(0);
    }
  }

  /**
   * Clients registered one after another fill the cache of remote key sets: the least recently used
   * ones go, not a client in use, whose keys are not fetched again (nor its refetch limit reset).
   */
  @Test
  void verifyWhenCacheOfRemoteKeySetsFullThenTheLeastRecentlyUsedDroppedNotTheOneInUse()
      throws Exception {
    AtomicInteger fetched = new AtomicInteger();
    HttpServer server = jwksServer(fetched);
    // The others' 2,000 failed fetches, each a warning, are not this test's subject.
    java.util.logging.Logger fetchLog =
        java.util.logging.Logger.getLogger(dev.gatehouse.protocol.RemoteKeySet.class.getName());
    java.util.logging.Level level = fetchLog.getLevel();
    fetchLog.setLevel(java.util.logging.Level.OFF);
    try {
      PrivateKeyJwtVerifier verifier = new PrivateKeyJwtVerifier();
      Instant now = Instant.now();
      String uri = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
      Client inUse = new Client("in-use", client(null, uri), Client.Origin.CONFIGURED, now);
      String assertion = sign(key, claimsOf("other"));
      for (int round = 0; round < 3; round++) {
        assertEquals(
            "in-use",
            verifier.verify(sign(key, claimsOf("in-use")), inUse, List.of(AUD)).getSubject(),
            "round " + round);
        // Between two uses, as many new clients as the cache holds but one: the second round's
        // push the first round's out.
        for (int i = 0; round < 2 && i < PrivateKeyJwtVerifier.MAX_REMOTE_KEY_SETS - 1; i++) {
          // A refused port: each fails its one fetch at once.
          Client other =
              new Client(
                  "other",
                  client(null, "http://127.0.0.1:1/jwks-" + round + "-" + i),
                  Client.Origin.CONFIGURED,
                  now);
          assertThrows(OAuthException.class, () -> verifier.verify(assertion, other, List.of(AUD)));
        }
      }

      assertEquals(1, fetched.get(), "the keys in use were fetched once, kept through it all");
    } finally {
      fetchLog.setLevel(level);
      server.stop(0);
    }
  }

  /**
   * OpenID Connect Dynamic Client Registration §2: a registered token_endpoint_auth_signing_alg is
   * the only algorithm accepted from that client, though the key would verify the other.
   */
  @Test
  void verifyWhenSignedOtherwiseThanTheRegisteredAlgorithmThenInvalidClient() throws Exception {
    JsonObject keys = Json.createReader(new StringReader(publicJwks(key))).readObject();
    ClientMetadata ps256Only = withKeys(keys, null, "PS256");
    Client registered = new Client(CLIENT, ps256Only, Client.Origin.CONFIGURED, Instant.now());
    PrivateKeyJwtVerifier verifier = new PrivateKeyJwtVerifier();

    assertEquals(
        CLIENT,
        verifier
            .verify(
                sign(key, claims(), AlgorithmIdentifiers.RSA_PSS_USING_SHA256),
                registered,
                List.of(AUD))
            .getSubject());
    OAuthException refused =
        assertThrows(
            OAuthException.class,
            () -> verifier.verify(sign(key, claims()), registered, List.of(AUD)));
    assertEquals(OAuthError.INVALID_CLIENT, refused.error());
    assertEquals(
        CLIENT, verify(sign(key, claims())).getSubject(), "without a registered algorithm: RS256");
  }

  /** A jwks stored before registration checked its shape: refused, not a 500. */
  @Test
  void verifyWhenStoredJwksMalformedThenInvalidClient() {
    ClientMetadata malformed =
        withKeys(Json.createReader(new StringReader("{\"keys\":[1]}")).readObject(), null);
    Client old = new Client(CLIENT, malformed, Client.Origin.REGISTERED, Instant.now());

    OAuthException refused =
        assertThrows(
            OAuthException.class,
            () -> new PrivateKeyJwtVerifier().verify(sign(key, claims()), old, List.of(AUD)));

    assertEquals(OAuthError.INVALID_CLIENT, refused.error());
  }

  private static String claimsOf(String clientId) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", clientId);
    claims.put("sub", clientId);
    claims.put("aud", AUD);
    claims.put("exp", Instant.now().getEpochSecond() + 60);
    claims.put("jti", java.util.UUID.randomUUID().toString());
    return JsonUtil.toJson(claims);
  }

  private org.jose4j.jwt.JwtClaims verify(String assertion) {
    return new PrivateKeyJwtVerifier().verify(assertion, client, List.of(AUD));
  }

  private static String claims() {
    return claims("iss", CLIENT);
  }

  /** Valid claims, with one of them replaced by {@code value} (or left out when it is null). */
  private static String claims(String name, Object value) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", CLIENT);
    claims.put("sub", CLIENT);
    claims.put("aud", AUD);
    claims.put("exp", Instant.now().getEpochSecond() + 60);
    claims.put("jti", "j-1");
    if (value == null) {
      claims.remove(name);
    } else {
      claims.put(name, value);
    }
    return JsonUtil.toJson(claims);
  }

  private static String sign(RsaJsonWebKey key, String claims) {
    return sign(key, claims, AlgorithmIdentifiers.RSA_USING_SHA256);
  }

  private static String sign(RsaJsonWebKey key, String claims, String alg) {
    try {
      JsonWebSignature jws = new JsonWebSignature();
      jws.setPayload(claims);
      jws.setAlgorithmHeaderValue(alg);
      jws.setKeyIdHeaderValue(key.getKeyId());
      jws.setKey(key.getPrivateKey());
      return jws.getCompactSerialization();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String unsigned(String claims) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8))
        + ".";
  }

  private static RsaJsonWebKey generate(String kid) {
    try {
      RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
      key.setKeyId(kid);
      return key;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A started loopback server of the test key's public JWKS at /jwks, counting its fetches. */
  private HttpServer jwksServer(AtomicInteger fetched) throws java.io.IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/jwks",
        exchange -> {
          fetched.incrementAndGet();
          byte[] body = publicJwks(key).getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    return server;
  }

  private static String publicJwks(RsaJsonWebKey key) {
    return new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
  }

  /** Inline keys, or (key null) keys at the jwks_uri. */
  private static ClientMetadata client(RsaJsonWebKey key, String jwksUri) {
    return withKeys(
        key == null ? null : Json.createReader(new StringReader(publicJwks(key))).readObject(),
        jwksUri);
  }

  private static ClientMetadata withKeys(JsonObject keys, String jwksUri) {
    return withKeys(keys, jwksUri, null);
  }

  private static ClientMetadata withKeys(JsonObject keys, String jwksUri, String assertionAlg) {
    return new ClientMetadata(
        List.of(),
        List.of(),
        null,
        List.of("client_credentials"),
        List.of(),
        null,
        "private_key_jwt",
        keys,
        jwksUri,
        "web",
        List.of(),
        Map.of(),
        "RS256",
        "rfc9068",
        List.of(),
        assertionAlg);
  }
}
