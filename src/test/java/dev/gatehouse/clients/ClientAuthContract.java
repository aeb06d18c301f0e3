package dev.gatehouse.clients;

import static dev.gatehouse.testing.TestServer.adminRequest;
import static dev.gatehouse.testing.TestServer.base;
import static dev.gatehouse.testing.TestServer.issuer;
import static dev.gatehouse.testing.TestServer.json;
import static dev.gatehouse.testing.TestServer.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretJWT;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationResponse;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientInformation;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientInformationResponse;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientMetadata;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientRegistrationRequest;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientRegistrationResponseParser;
import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.testing.TestClients;
import dev.gatehouse.testing.Together;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Client authentication (OpenID Connect Core §9, RFC 6749 §2.3, RFC 7523) over HTTP, at a test-only
 * endpoint that requires it as the token endpoint will.
 */
public interface ClientAuthContract {

  String PROBE = "/test-only/client-auth";

  @Test
  default void basicWhenRightSecretThenAuthenticatedAndFormStillReadable() {
    JsonObject client = TestClients.register(TestClients.confidential());

    Response response =
        request(PROBE)
            .header(
                "Authorization",
                basic(client.getString("client_id"), client.getString("client_secret")))
            .post(Entity.form(new Form("echo", "kept")));

    assertEquals(200, response.getStatus());
    JsonObject who = json(response);
    assertEquals(client.getString("client_id"), who.getString("client_id"));
    assertEquals("client_secret_basic", who.getString("method"));
    assertEquals("kept", who.getString("echo"));
  }

  @Test
  default void basicWhenWrongSecretThen401InvalidClientWithBasicChallenge() {
    JsonObject client = TestClients.register(TestClients.confidential());

    Response response =
        request(PROBE)
            .header("Authorization", basic(client.getString("client_id"), "wrong"))
            .post(Entity.form(new Form()));

    assertEquals(401, response.getStatus());
    assertTrue(response.getHeaderString("WWW-Authenticate").startsWith("Basic"));
    assertEquals("invalid_client", json(response).getString("error"));
  }

  @Test
  default void basicWhenIdFormEncodedPerRfc6749ThenAuthenticated() {
    String id = "ops.client~" + System.nanoTime();
    JsonObject client =
        json(
            adminRequest("/admin/clients")
                .post(
                    Entity.json(
                        TestClients.confidential().add("client_id", id).build().toString())));
    String encodedId = id.replace(".", "%2E").replace("~", "%7E");
    String header =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (encodedId + ":" + client.getString("client_secret"))
                        .getBytes(StandardCharsets.UTF_8));

    Response response =
        request(PROBE).header("Authorization", header).post(Entity.form(new Form()));

    assertEquals(200, response.getStatus());
    assertEquals(id, json(response).getString("client_id"));
  }

  @Test
  default void postWhenRightSecretThenAuthenticatedAndWrongSecretRejectedWithBasicChallenge() {
    JsonObject client =
        TestClients.register(
            TestClients.confidential().add("token_endpoint_auth_method", "client_secret_post"));
    String id = client.getString("client_id");

    Response ok =
        request(PROBE)
            .post(
                Entity.form(
                    new Form("client_id", id)
                        .param("client_secret", client.getString("client_secret"))));
    Response bad =
        request(PROBE).post(Entity.form(new Form("client_id", id).param("client_secret", "wrong")));

    assertEquals(200, ok.getStatus());
    assertEquals("client_secret_post", json(ok).getString("method"));
    assertEquals(401, bad.getStatus());
    assertEquals("Basic realm=\"gatehouse\"", bad.getHeaderString("WWW-Authenticate"));
    assertEquals("invalid_client", json(bad).getString("error"));
  }

  @Test
  default void secretWhenMethodDiffersFromRegisteredThen401() {
    JsonObject basicClient = TestClients.register(TestClients.confidential());

    Response response =
        request(PROBE)
            .post(
                Entity.form(
                    new Form("client_id", basicClient.getString("client_id"))
                        .param("client_secret", basicClient.getString("client_secret"))));

    assertEquals(401, response.getStatus());
    assertEquals("invalid_client", json(response).getString("error"));
  }

  @Test
  default void noneWhenPublicClientIdThenAuthenticatedAndUnknownIdOrSecretRejected() {
    JsonObject client = TestClients.register(TestClients.publicNative());
    String id = client.getString("client_id");

    Response ok = request(PROBE).post(Entity.form(new Form("client_id", id)));
    Response unknown = request(PROBE).post(Entity.form(new Form("client_id", "no-such-client")));
    Response withSecret =
        request(PROBE).post(Entity.form(new Form("client_id", id).param("client_secret", "x")));
    Response nothing = request(PROBE).post(Entity.form(new Form()));

    assertEquals(200, ok.getStatus());
    assertEquals("none", json(ok).getString("method"));
    for (Response r : new Response[] {unknown, withSecret, nothing}) {
      assertEquals(401, r.getStatus());
      assertEquals("invalid_client", json(r).getString("error"));
    }
  }

  /**
   * RFC 6749 §3.2: a parameter sent without a value is as if omitted. A public client whose library
   * sends an empty client_secret is still a public client; an empty client_id beside Basic is no
   * second method.
   */
  @Test
  default void authWhenParametersSentEmptyThenAsIfOmitted() {
    JsonObject spa = TestClients.register(TestClients.publicNative());
    JsonObject web = TestClients.register(TestClients.confidential());
    String id = web.getString("client_id");

    Response publicWithEmptySecret =
        request(PROBE)
            .post(
                Entity.form(
                    new Form("client_id", spa.getString("client_id")).param("client_secret", "")));
    Response basicWithEmptyId =
        request(PROBE)
            .header("Authorization", basic(id, web.getString("client_secret")))
            .post(Entity.form(new Form("client_id", "").param("client_secret", "")));

    assertEquals(200, publicWithEmptySecret.getStatus());
    assertEquals("none", json(publicWithEmptySecret).getString("method"));
    assertEquals(200, basicWithEmptyId.getStatus());
    assertEquals("client_secret_basic", json(basicWithEmptyId).getString("method"));
  }

  @Test
  default void authWhenTwoMethodsRepeatedOrNotAFormThenInvalidRequest() {
    JsonObject client = TestClients.register(TestClients.confidential());
    String id = client.getString("client_id");
    String secret = client.getString("client_secret");

    Response two =
        request(PROBE)
            .header("Authorization", basic(id, secret))
            .post(Entity.form(new Form("client_secret", secret)));
    Response jsonBody =
        request("/token")
            .header("Authorization", basic(id, secret))
            .post(Entity.json("{\"grant_type\":\"client_credentials\"}"));
    Response repeated =
        request(PROBE)
            .post(
                Entity.entity(
                    "client_id=" + id + "&client_id=" + id, "application/x-www-form-urlencoded"));

    // RFC 6749 §2.3, §5.2: at /token itself a JSON body is no form, whatever credentials it has.
    for (Response r : new Response[] {two, repeated, jsonBody}) {
      assertEquals(400, r.getStatus());
      assertEquals("invalid_request", json(r).getString("error"));
    }
  }

  @Test
  default void privateKeyJwtWhenRegisteredByNimbusThenAssertionAcceptedOnceOnly() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("rp-key-1").generate();
    OIDCClientInformation client = registerWithNimbus(new JWKSet(key.toPublicJWK()));
    PrivateKeyJWT assertion = signed(client.getID(), key, issuer());

    Response first = request(PROBE).post(Entity.form(form(assertion.toParameters())));
    Response replay = request(PROBE).post(Entity.form(form(assertion.toParameters())));

    assertEquals(200, first.getStatus(), () -> first.readEntity(String.class));
    assertEquals("private_key_jwt", json(first).getString("method"));
    assertEquals(401, replay.getStatus(), "the same jti twice is a replay");
    assertEquals("invalid_client", json(replay).getString("error"));
  }

  /**
   * OpenID Connect Dynamic Client Registration §2: a client registered with
   * token_endpoint_auth_signing_alg gets it back, and its assertions signed with any other
   * algorithm are refused, though its key verifies them.
   */
  @Test
  default void privateKeyJwtWhenSignedOtherwiseThanTheRegisteredAlgorithmThenInvalidClient()
      throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("rp-key-ps256").generate();
    OIDCClientInformation client =
        registerWithNimbus(new JWKSet(key.toPublicJWK()), JWSAlgorithm.PS256);
    assertEquals(JWSAlgorithm.PS256, client.getOIDCMetadata().getTokenEndpointAuthJWSAlg());
    URI audience = URI.create(issuer());
    PrivateKeyJWT ps256 =
        new PrivateKeyJWT(
            client.getID(),
            audience,
            JWSAlgorithm.PS256,
            key.toRSAPrivateKey(),
            key.getKeyID(),
            null);

    Response rs256 =
        request(PROBE)
            .post(Entity.form(form(signed(client.getID(), key, issuer()).toParameters())));
    Response accepted = request(PROBE).post(Entity.form(form(ps256.toParameters())));

    assertEquals(401, rs256.getStatus());
    assertEquals("invalid_client", json(rs256).getString("error"));
    assertEquals(200, accepted.getStatus(), () -> accepted.readEntity(String.class));
  }

  @Test
  default void privateKeyJwtWhenAudienceIsTokenEndpointThenAccepted() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("rp-key-2").generate();
    OIDCClientInformation client = registerWithNimbus(new JWKSet(key.toPublicJWK()));
    PrivateKeyJWT assertion = signed(client.getID(), key, issuer() + "/token");

    assertEquals(200, request(PROBE).post(Entity.form(form(assertion.toParameters()))).getStatus());
  }

  @Test
  default void privateKeyJwtWhenReplayedAfterExpiryButWithinClockSkewThenStillRejected()
      throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("rp-key-skew").generate();
    ClientID id = registerWithNimbus(new JWKSet(key.toPublicJWK())).getID();
    long expiresAt = System.currentTimeMillis() / 1000 * 1000 + 2000;
    String shortLived = params(assertion(id, key, new Date(expiresAt)));
    assertEquals(200, probe(shortLived).getStatus(), "accepted once before it expires");

    Thread.sleep(Math.max(0, expiresAt + 2500 - System.currentTimeMillis()));
    Response justExpired = probe(params(assertion(id, key, new Date(expiresAt))));
    Response replay = probe(shortLived);

    assertEquals(200, justExpired.getStatus(), "a fresh jti past exp is within the clock skew");
    assertEquals(401, replay.getStatus(), "its jti is remembered for as long as it is accepted");
    assertEquals("invalid_client", json(replay).getString("error"));
  }

  @Test
  default void privateKeyJwtWhenAudienceIsIntrospectionEndpointThenAcceptedThereOnly()
      throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("rp-key-introspect").generate();
    ClientID id = registerWithNimbus(new JWKSet(key.toPublicJWK())).getID();
    PrivateKeyJWT forIntrospection = signed(id, key, issuer() + "/introspect");
    PrivateKeyJWT unused = signed(id, key, issuer() + "/introspect");

    Response introspected =
        request("/introspect")
            .post(Entity.form(form(forIntrospection.toParameters()).param("token", "unknown")));
    Response replayed =
        request("/introspect")
            .post(Entity.form(form(forIntrospection.toParameters()).param("token", "unknown")));
    Response otherEndpoint =
        request("/revoke").post(Entity.form(form(unused.toParameters()).param("token", "x")));

    assertEquals(200, introspected.getStatus(), () -> introspected.readEntity(String.class));
    assertEquals(false, json(introspected).getBoolean("active"));
    assertEquals(401, replayed.getStatus(), "the same jti twice is a replay");
    assertEquals(401, otherEndpoint.getStatus(), "aud names another endpoint");
    assertEquals("invalid_client", json(otherEndpoint).getString("error"));
  }

  @Test
  default void privateKeyJwtWhenWrongKeyExpiredWrongAudienceOrHmacThenRejected() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("rp-key-3").generate();
    RSAKey other = new RSAKeyGenerator(2048).keyID("rp-key-3").generate();
    OIDCClientInformation client = registerWithNimbus(new JWKSet(key.toPublicJWK()));
    ClientID id = client.getID();
    Date past = new Date(System.currentTimeMillis() - 600_000);
    JWTAuthenticationClaimsSet expired =
        new JWTAuthenticationClaimsSet(
            id, List.of(new Audience(issuer())), past, null, null, new JWTID());

    Map<String, String> cases =
        Map.of(
            "wrong key",
                params(
                    new PrivateKeyJWT(
                        id,
                        URI.create(issuer()),
                        JWSAlgorithm.RS256,
                        other.toRSAPrivateKey(),
                        key.getKeyID(),
                        null)),
            "expired",
                params(
                    new PrivateKeyJWT(
                        expired, JWSAlgorithm.RS256, key.toRSAPrivateKey(), key.getKeyID(), null)),
            "wrong audience", params(signed(id, key, "https://other.example/token")),
            "HS256",
                params(
                    new ClientSecretJWT(
                        id,
                        URI.create(issuer()),
                        JWSAlgorithm.HS256,
                        new Secret("a-shared-secret-of-at-least-32-bytes!!"))));
    cases.forEach(
        (name, body) -> {
          Response response =
              request(PROBE).post(Entity.entity(body, "application/x-www-form-urlencoded"));
          assertEquals(401, response.getStatus(), name);
          assertEquals("invalid_client", json(response).getString("error"), name);
        });
  }

  @Test
  default void privateKeyJwtWhenKeysAtJwksUriThenFetchedAndAccepted() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("remote-key").generate();
    HttpServer keyServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    keyServer.createContext(
        "/jwks",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, jwks.length);
          exchange.getResponseBody().write(jwks);
          exchange.close();
        });
    keyServer.start();
    try {
      String jwksUri = "http://127.0.0.1:" + keyServer.getAddress().getPort() + "/jwks";
      JsonObject client =
          TestClients.configure(TestClients.service("private_key_jwt").add("jwks_uri", jwksUri));
      PrivateKeyJWT assertion = signed(new ClientID(client.getString("client_id")), key, issuer());

      Response response = request(PROBE).post(Entity.form(form(assertion.toParameters())));

      assertEquals(200, response.getStatus(), () -> response.readEntity(String.class));
    } finally {
      keyServer.stop(0);
    }
  }

  /**
   * Requests waiting on a client's hanging jwks_uri hold no database connection: with more of them
   * than the pool has connections (32), another client still authenticates at once, and they all
   * succeed once the keys come.
   */
  @Test
  default void privateKeyJwtWhenJwksUriHangsThenWaitingRequestsHoldNoDatabaseConnection()
      throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("slow-key").generate();
    byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    CountDownLatch asked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    HttpServer keyServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    keyServer.setExecutor(Executors.newCachedThreadPool());
    keyServer.createContext(
        "/jwks",
        exchange -> {
          asked.countDown();
          try {
            release.await(20, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, jwks.length);
          exchange.getResponseBody().write(jwks);
          exchange.close();
        });
    keyServer.start();
    ExecutorService waiting = Executors.newFixedThreadPool(40);
    try {
      String jwksUri = "http://127.0.0.1:" + keyServer.getAddress().getPort() + "/jwks";
      ClientID slow =
          new ClientID(
              TestClients.configure(TestClients.service("private_key_jwt").add("jwks_uri", jwksUri))
                  .getString("client_id"));
      JsonObject other = TestClients.register(TestClients.confidential());
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        Form form = form(signed(slow, key, issuer()).toParameters());
        answers.add(waiting.submit(() -> status(request(PROBE).post(Entity.form(form)))));
      }
      assertTrue(asked.await(10, TimeUnit.SECONDS), "the key server was asked");
      Thread.sleep(1000); // the other requests reach the fetch and wait for it

      long start = System.nanoTime();
      Response meanwhile =
          request(PROBE)
              .header(
                  "Authorization",
                  basic(other.getString("client_id"), other.getString("client_secret")))
              .post(Entity.form(new Form()));
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

      assertEquals(200, status(meanwhile));
      assertTrue(
          millis < 2500, "served while the fetch hangs (it ends after 5 s), not after: " + millis);
      release.countDown();
      for (Future<Integer> answer : answers) {
        assertEquals(200, answer.get(30, TimeUnit.SECONDS), "each assertion accepted");
      }
    } finally {
      release.countDown();
      waiting.shutdownNow();
      keyServer.stop(0);
    }
  }

  @Test
  default void privateKeyJwtWhenOneAssertionSentEightTimesAtOnceThenAcceptedOnce()
      throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("rp-key-race").generate();
    OIDCClientInformation client = registerWithNimbus(new JWKSet(key.toPublicJWK()));
    Form form = form(signed(client.getID(), key, issuer()).toParameters());

    List<Integer> statuses = Together.send(() -> status(request(PROBE).post(Entity.form(form))), 8);

    assertEquals(1, statuses.stream().filter(status -> status == 200).count(), "" + statuses);
    assertEquals(7, statuses.stream().filter(status -> status == 401).count(), "" + statuses);
  }

  private static int status(Response response) {
    try (response) {
      return response.getStatus();
    }
  }

  /** An RS256 client assertion by {@code key} for {@code audience}, with a fresh jti. */
  private static PrivateKeyJWT signed(ClientID id, RSAKey key, String audience) throws Exception {
    return new PrivateKeyJWT(
        id, URI.create(audience), JWSAlgorithm.RS256, key.toRSAPrivateKey(), key.getKeyID(), null);
  }

  private static PrivateKeyJWT assertion(ClientID id, RSAKey key, Date expiresAt) throws Exception {
    JWTAuthenticationClaimsSet claims =
        new JWTAuthenticationClaimsSet(
            id, List.of(new Audience(issuer())), expiresAt, null, null, new JWTID());
    return new PrivateKeyJWT(
        claims, JWSAlgorithm.RS256, key.toRSAPrivateKey(), key.getKeyID(), null);
  }

  private static Response probe(String formBody) {
    return request(PROBE).post(Entity.entity(formBody, "application/x-www-form-urlencoded"));
  }

  private static OIDCClientInformation registerWithNimbus(JWKSet publicKeys) throws Exception {
    return registerWithNimbus(publicKeys, null);
  }

  /** A private_key_jwt client, with its token_endpoint_auth_signing_alg (null: none). */
  private static OIDCClientInformation registerWithNimbus(JWKSet publicKeys, JWSAlgorithm alg)
      throws Exception {
    OIDCClientMetadata metadata = new OIDCClientMetadata();
    metadata.setName("Nimbus RP");
    metadata.setRedirectionURI(URI.create("https://rp.example/callback"));
    metadata.setTokenEndpointAuthMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT);
    metadata.setTokenEndpointAuthJWSAlg(alg);
    metadata.setJWKSet(publicKeys);
    OIDCClientRegistrationRequest request =
        new OIDCClientRegistrationRequest(base().resolve("/register"), metadata, null);
    ClientRegistrationResponse response =
        OIDCClientRegistrationResponseParser.parse(request.toHTTPRequest().send());
    assertTrue(
        response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
    OIDCClientInformation info =
        ((OIDCClientInformationResponse) response).getOIDCClientInformation();
    assertEquals(
        ClientAuthenticationMethod.PRIVATE_KEY_JWT,
        info.getOIDCMetadata().getTokenEndpointAuthMethod());
    assertNull(info.getSecret(), "no secret for a private_key_jwt client");
    return info;
  }

  private static Form form(Map<String, List<String>> parameters) {
    Form form = new Form();
    parameters.forEach((name, values) -> values.forEach(v -> form.param(name, v)));
    return form;
  }

  private static String params(com.nimbusds.oauth2.sdk.auth.JWTAuthentication authentication) {
    return com.nimbusds.oauth2.sdk.util.URLUtils.serializeParameters(authentication.toParameters());
  }

  private static String basic(String id, String secret) {
    return "Basic "
        + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }
}
