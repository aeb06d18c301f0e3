package dev.gatehouse.resourceserver;

import static dev.gatehouse.testing.TestServer.adminRequest;
import static dev.gatehouse.testing.TestServer.issuer;
import static dev.gatehouse.testing.TestServer.json;
import static dev.gatehouse.testing.TestServer.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;

/**
 * The bearer-token filter on the sample API (RFC 6750, RFC 9068) over HTTP: the provider's own
 * tokens, every kind of bad token, key rotation, and a foreign issuer.
 */
public interface ResourceServerContract {

  String API = "/api/secure-data";

  @Test
  default void apiWhenValidProviderTokenThen200WithCaller() {
    Response response = call(mint(claims()));

    assertEquals(200, response.getStatus());
    JsonObject body = json(response);
    assertEquals("Hello from a protected API", body.getString("message"));
    JsonObject user = body.getJsonObject("user");
    assertEquals("user-123", user.getString("sub"));
    assertEquals(issuer(), user.getString("iss"));
    assertEquals("test-client", user.getString("client_id"));
    assertEquals("[\"read\",\"write\"]", user.getJsonArray("scope").toString());
    assertEquals("[\"staff\"]", user.getJsonArray("groups").toString());
  }

  @Test
  default void apiWhenNoTokenOrOtherSchemeThen401ChallengeWithoutErrorCode() {
    for (Response response :
        new Response[] {
          request(API).get(), request(API).header("Authorization", "Basic dXNlcjpwYXNz").get()
        }) {
      assertEquals(401, response.getStatus());
      // RFC 6750 §3.1: without authentication information the challenge carries no error code.
      assertEquals("Bearer realm=\"gatehouse\"", response.getHeaderString("WWW-Authenticate"));
      assertEquals("invalid_token", json(response).getString("error"));
    }
  }

  @Test
  default void apiWhenTokenInQueryThen400InvalidRequest() {
    Response response = request(API + "?access_token=" + mint(claims())).get();

    assertEquals(400, response.getStatus());
    // RFC 6750 §3: the error response carries the challenge, with the error code.
    assertTrue(
        response.getHeaderString("WWW-Authenticate").startsWith("Bearer realm=\"gatehouse\"")
            && response.getHeaderString("WWW-Authenticate").contains("error=\"invalid_request\""),
        response.getHeaderString("WWW-Authenticate"));
    assertEquals("invalid_request", json(response).getString("error"));
  }

  /** RFC 6750 §3.1: a valid token followed by a second one is a malformed request, not a token. */
  @Test
  default void apiWhenAuthorizationHeaderHoldsTwoTokensThen400InvalidRequest() {
    String token = mint(claims());
    assertEquals(200, call(token).getStatus(), "the token alone");

    Response response = call(token + " " + token);

    assertEquals(400, response.getStatus());
    assertTrue(
        response.getHeaderString("WWW-Authenticate").contains("error=\"invalid_request\""),
        response.getHeaderString("WWW-Authenticate"));
    assertEquals("invalid_request", json(response).getString("error"));
  }

  @Test
  default void apiWhenGarbageThen401InvalidToken() {
    assertInvalidToken(call("not-a-jwt"), "not a valid JWT");
    assertInvalidToken(call("a.b.c"), "not a valid JWT");
  }

  @Test
  default void apiWhenExpiredThen401() {
    long now = Instant.now().getEpochSecond();
    assertInvalidToken(call(mint(claims().add("iat", now - 600).add("exp", now - 120))), "expired");
  }

  /**
   * The filter's clock skew (30 s) is for other issuers' clocks: the provider's own token, expired
   * 10 s ago, is refused by the API in the same WAR as by UserInfo and introspection.
   */
  @Test
  default void apiWhenOwnTokenExpiredWithinTheClockSkewThen401() {
    long now = Instant.now().getEpochSecond();
    String control = mint(claims());

    Response expired = call(mint(claims().add("iat", now - 300).add("exp", now - 10)));

    assertEquals(200, call(control).getStatus(), "the control, recorded the same way, is accepted");
    assertEquals(401, expired.getStatus());
    assertTrue(expired.getHeaderString("WWW-Authenticate").contains("error=\"invalid_token\""));
  }

  @Test
  default void apiWhenNotYetValidThen401() {
    long now = Instant.now().getEpochSecond();
    assertInvalidToken(
        call(mint(claims().add("nbf", now + 600).add("exp", now + 900))), "not yet valid");
  }

  @Test
  default void apiWhenWrongIssuerThen401() {
    assertInvalidToken(call(mint(claims().add("iss", "https://evil.example"))), "not trusted");
  }

  @Test
  default void apiWhenWrongAudienceThen401() {
    assertInvalidToken(call(mint(claims().add("aud", "another-api"))), "aud");
  }

  @Test
  default void apiWhenNotAnAccessTokenTypThen401() {
    assertInvalidToken(call(mint(claims(), "JWT", null)), "typ");
  }

  @Test
  default void apiWhenAlgNoneThen401() {
    String header = b64("{\"alg\":\"none\",\"typ\":\"at+jwt\"}");
    String payload = b64(claims().build().toString());
    assertInvalidToken(call(header + "." + payload + "."), "not valid");
  }

  @Test
  default void apiWhenHs256SignedWithProviderPublicKeyThen401() throws Exception {
    RsaJsonWebKey published =
        (RsaJsonWebKey)
            new JsonWebKeySet(request("/jwks.json").get(String.class)).getJsonWebKeys().get(0);
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims().build().toString());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
    jws.setHeader("typ", "at+jwt");
    jws.setKeyIdHeaderValue(published.getKeyId());
    jws.setKey(new HmacKey(published.getPublicKey().getEncoded()));
    jws.setDoKeyValidation(false);

    assertInvalidToken(call(jws.getCompactSerialization()), "not valid");
  }

  @Test
  default void apiWhenUnknownKidThen401() {
    assertInvalidToken(call(mint(claims(), "at+jwt", "no-such-kid")), "not valid");
  }

  @Test
  default void apiWhenPayloadTamperedThen401() {
    String[] parts = mint(claims()).split("\\.");
    String forged =
        b64(claims().add("scope", "read write admin").add("sub", "admin").build().toString());

    assertInvalidToken(call(parts[0] + "." + forged + "." + parts[2]), "signature");
  }

  @Test
  default void apiWhenProviderTokenWithoutRecordThen401() {
    // Signed with the provider's key, but never issued (or its record purged): the in-WAR
    // revocation check vouches only for tokens with an active record, as introspection does.
    assertInvalidToken(call(mint(claims(), "at+jwt", null, false)), "revoked, expired or unknown");
  }

  @Test
  default void apiWhenScopeMissingThen403InsufficientScope() {
    Response response = call(mint(claims().add("scope", "write")));

    assertEquals(403, response.getStatus());
    String challenge = response.getHeaderString("WWW-Authenticate");
    assertTrue(challenge.contains("error=\"insufficient_scope\""), challenge);
    assertTrue(challenge.contains("scope=\"read\""), challenge);
    assertEquals("insufficient_scope", json(response).getString("error"));
  }

  @Test
  default void apiWhenProviderRotatesKeysThenNewTokensAcceptedWithoutRestart() {
    assertEquals(200, call(mint(claims())).getStatus());
    String before = mintKid();

    // Twice: the second signer was never in the filter's cached JWKS, so it must refetch.
    // Forced: a rotation right after one is refused otherwise (the next key is brand new).
    adminRequest("/admin/keys/rotate?force=true").post(Entity.text("")).close();
    adminRequest("/admin/keys/rotate?force=true").post(Entity.text("")).close();

    assertNotEquals(before, mintKid());
    Response response = call(mint(claims()));
    assertEquals(200, response.getStatus(), () -> response.readEntity(String.class));
  }

  @Test
  default void apiWhenForeignIssuerTrustedThenItsTokensAcceptedAndForgeriesRejected()
      throws Exception {
    try (StubIssuer stub = StubIssuer.start()) {
      String claims = claims().add("iss", stub.issuer()).build().toString();

      Response ok = call(stub.sign(claims));
      assertEquals(200, ok.getStatus(), () -> ok.readEntity(String.class));
      assertEquals(stub.issuer(), json(ok).getJsonObject("user").getString("iss"));

      // The provider's key cannot speak for the foreign issuer.
      assertInvalidToken(call(mint(claims().add("iss", stub.issuer()))), "not valid");
    }
  }

  /** JSON null is a value an issuer may send: the token is still valid, never a 500. */
  @Test
  default void apiWhenTrustedTokenHoldsNullClaimsThenAcceptedWithoutThem() throws Exception {
    try (StubIssuer stub = StubIssuer.start()) {
      String claims =
          claims()
              .add("iss", stub.issuer())
              .addNull("acr")
              .add("groups", Json.createArrayBuilder().add("staff").addNull())
              .build()
              .toString();

      Response ok = call(stub.sign(claims));

      assertEquals(200, ok.getStatus(), () -> ok.readEntity(String.class));
      assertEquals(stub.issuer(), json(ok).getJsonObject("user").getString("iss"));
    }
  }

  private static JsonObjectBuilder claims() {
    long now = Instant.now().getEpochSecond();
    return Json.createObjectBuilder()
        .add("iss", issuer())
        .add("sub", "user-123")
        .add("aud", "gatehouse-api")
        .add("client_id", "test-client")
        .add("scope", "read write")
        .add("groups", Json.createArrayBuilder().add("staff"))
        .add("iat", now)
        .add("exp", now + 300)
        .add("jti", UUID.randomUUID().toString());
  }

  private static String mint(JsonObjectBuilder claims) {
    return mint(claims, "at+jwt", null);
  }

  private static String mint(JsonObjectBuilder claims, String typ, String kid) {
    return mint(claims, typ, kid, true);
  }

  /**
   * A token signed by the provider's key; with {@code record}, recorded as the token endpoint
   * would.
   */
  private static String mint(JsonObjectBuilder claims, String typ, String kid, boolean record) {
    JsonObjectBuilder body =
        Json.createObjectBuilder().add("claims", claims).add("typ", typ).add("record", record);
    if (kid != null) {
      body.add("kid", kid);
    }
    return request("/test-only/mint").post(Entity.json(body.build().toString()), String.class);
  }

  private static String mintKid() {
    String header = mint(claims()).split("\\.")[0];
    return Json.createReader(
            new java.io.StringReader(
                new String(Base64.getUrlDecoder().decode(header), StandardCharsets.UTF_8)))
        .readObject()
        .getString("kid");
  }

  private static Response call(String token) {
    return request(API).header("Authorization", "Bearer " + token).get();
  }

  private static void assertInvalidToken(Response response, String words) {
    assertEquals(401, response.getStatus());
    String challenge = response.getHeaderString("WWW-Authenticate");
    assertTrue(
        challenge.startsWith("Bearer realm=\"gatehouse\", error=\"invalid_token\""), challenge);
    JsonObject body = json(response);
    assertEquals("invalid_token", body.getString("error"));
    assertTrue(body.getString("error_description").contains(words), body.toString());
    assertFalse(body.toString().contains("user-123"), "no token contents in the error");
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
