package dev.gatehouse.protocol;

import static dev.gatehouse.testing.AsClient.basic;
import static dev.gatehouse.testing.TestServer.base;
import static dev.gatehouse.testing.TestServer.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.testing.AsClient;
import dev.gatehouse.testing.SignIn;
import dev.gatehouse.testing.TestAccounts;
import dev.gatehouse.testing.TestClients;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * CORS as a single-page app meets it, over real HTTP with the {@code Origin} header a browser sends
 * (the JDK HTTP client: the JAX-RS client's connection refuses to set that header). The test
 * clients register https://app.example/callback, so https://app.example is their app's origin.
 */
public interface CrossOriginContract {

  String APP = "https://app.example";
  String OTHER = "https://attacker.example";

  @Test
  default void preflightWhenBrowserEndpointThenAnsweredAndNeverForAuthorizeOrIntrospect() {
    for (String path : new String[] {"/token", "/revoke", "/userinfo"}) {
      HttpResponse<String> preflight = preflight(path, OTHER);
      assertEquals(204, preflight.statusCode(), path);
      assertEquals(Optional.of(OTHER), allowOrigin(preflight), path);
      String headers = header(preflight, "Access-Control-Allow-Headers").orElseThrow();
      assertTrue(headers.contains("Authorization") && headers.contains("Content-Type"), path);
      assertEquals(
          Optional.empty(), header(preflight, "Access-Control-Allow-Credentials"), "no cookies");
    }
    assertEquals(
        Optional.of("POST"), header(preflight("/token", APP), "Access-Control-Allow-Methods"));
    assertEquals(
        Optional.of("GET, POST"),
        header(preflight("/userinfo", APP), "Access-Control-Allow-Methods"));
    for (String path : new String[] {"/authorize", "/introspect"}) {
      assertEquals(
          Optional.empty(), allowOrigin(preflight(path, APP)), path + ": RFC 9700 §2.6, not CORS");
    }
  }

  @Test
  default void tokenWhenPublicClientAtItsOriginThenReadableElsewhereRefusedBeforeRotation()
      throws Exception {
    JsonObject client = TestClients.register(TestClients.publicWithRefresh());
    String refresh = tokens(client, "openid offline_access").getString("refresh_token");
    String form = "grant_type=refresh_token&client_id=" + client.getString("client_id");

    HttpResponse<String> refused = post("/token", OTHER, null, form + "&refresh_token=" + refresh);
    assertEquals(400, refused.statusCode());
    assertEquals("invalid_request", body(refused).getString("error"));
    assertEquals(Optional.of(OTHER), allowOrigin(refused), "the app may read why");

    HttpResponse<String> rotated = post("/token", APP, null, form + "&refresh_token=" + refresh);
    assertEquals(200, rotated.statusCode(), rotated.body() + ": not rotated by the refused call");
    assertEquals(Optional.of(APP), allowOrigin(rotated));
    assertTrue(header(rotated, "Vary").orElseThrow().contains("Origin"));
    String next = body(rotated).getString("refresh_token");

    HttpResponse<String> reused = post("/token", APP, null, form + "&refresh_token=" + refresh);
    assertEquals("invalid_grant", body(reused).getString("error"));
    assertEquals(Optional.of(APP), allowOrigin(reused), "errors are readable to the app");
    assertEquals(
        401,
        AsClient.userInfo(body(rotated).getString("access_token")).getStatus(),
        "RFC 9700 §4.14.2: a public client's reuse revoked the grant, the rotated tokens too");

    // The reuse revoked the grant; the app still logs out cleanly at its origin.
    String revoke = "client_id=" + client.getString("client_id") + "&token=" + next;
    assertEquals(400, post("/revoke", OTHER, null, revoke).statusCode());
    HttpResponse<String> revoked = post("/revoke", APP, null, revoke);
    assertEquals(200, revoked.statusCode());
    assertEquals(Optional.of(APP), allowOrigin(revoked));
  }

  @Test
  default void revokeWhenOtherOriginThenRefusedAndTokenStaysActive() throws Exception {
    JsonObject client = TestClients.register(TestClients.publicWithRefresh());
    String refresh = tokens(client, "openid offline_access").getString("refresh_token");
    String revoke = "client_id=" + client.getString("client_id") + "&token=" + refresh;

    assertEquals(400, post("/revoke", OTHER, null, revoke).statusCode());
    assertEquals(400, post("/revoke", "null", null, revoke).statusCode(), "an opaque origin");
    assertEquals(
        400, post("/revoke", "http://app.example", null, revoke).statusCode(), "scheme counts");
    assertEquals(400, post("/revoke", APP + ":8443", null, revoke).statusCode(), "port counts");
    HttpResponse<String> rotated =
        post(
            "/token",
            APP,
            null,
            "grant_type=refresh_token&client_id="
                + client.getString("client_id")
                + "&refresh_token="
                + refresh);
    assertEquals(200, rotated.statusCode(), "still active after the refused revocations");
  }

  @Test
  default void tokenWhenSamePathSpelledOtherwiseThenOriginStillChecked() throws Exception {
    JsonObject client = TestClients.register(TestClients.publicWithRefresh());
    String refresh = tokens(client, "openid offline_access").getString("refresh_token");
    String form =
        "grant_type=refresh_token&client_id="
            + client.getString("client_id")
            + "&refresh_token="
            + refresh;

    // The router takes these to the token endpoint too; so must the origin check.
    for (String path : new String[] {"/token/", "/token;x=1", "/token;x=1/"}) {
      HttpResponse<String> refused = post(path, OTHER, null, form);
      assertEquals(400, refused.statusCode(), path + ": " + refused.body());
      assertEquals("invalid_request", body(refused).getString("error"), path);
    }
    assertEquals(204, preflight("/token/", OTHER).statusCode());
    assertEquals(200, post("/token", APP, null, form).statusCode(), "not rotated before");
  }

  @Test
  default void tokenWhenConfidentialClientFromBrowserThenRefused() throws Exception {
    JsonObject client = TestClients.register(TestClients.withRefresh());
    String refresh = tokens(client, "openid offline_access").getString("refresh_token");
    String authorization = basic(client.getString("client_id"), client.getString("client_secret"));
    String form = "grant_type=refresh_token&refresh_token=" + refresh;

    HttpResponse<String> refused = post("/token", APP, authorization, form);
    assertEquals(400, refused.statusCode());
    assertEquals("invalid_request", body(refused).getString("error"));

    HttpResponse<String> server = post("/token", null, authorization, form);
    assertEquals(200, server.statusCode(), "a server sends no Origin and is answered");
    assertEquals(Optional.empty(), allowOrigin(server));
  }

  @Test
  default void userInfoWhenTokenClientsOriginThenReadableOtherOriginRefused() throws Exception {
    JsonObject client = TestClients.register(TestClients.publicWithRefresh());
    String access = tokens(client, "openid").getString("access_token");

    HttpResponse<String> read = get("/userinfo", APP, "Bearer " + access);
    assertEquals(200, read.statusCode(), read.body());
    assertEquals(Optional.of(APP), allowOrigin(read));
    assertFalse(body(read).getString("sub").isEmpty());

    HttpResponse<String> refused = get("/userinfo", OTHER, "Bearer " + access);
    assertEquals(400, refused.statusCode());
    assertFalse(refused.body().contains("\"sub\""), "no claims for another origin");

    HttpResponse<String> invalid = get("/userinfo", APP, "Bearer not-a-token");
    assertEquals(401, invalid.statusCode());
    assertEquals(Optional.of(APP), allowOrigin(invalid));
    assertEquals(
        Optional.of("WWW-Authenticate"),
        header(invalid, "Access-Control-Expose-Headers"),
        "the app may read the RFC 6750 challenge");
  }

  /** Tokens from a sign-in; the code is redeemed as a server would, without an Origin. */
  private static JsonObject tokens(JsonObject client, String scope) throws Exception {
    try (SignIn.Session session = SignIn.session(client, TestAccounts.alice(), scope)) {
      return session.tokens();
    }
  }

  private static HttpResponse<String> preflight(String path, String origin) {
    return send(
        HttpRequest.newBuilder(base().resolve(path))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "authorization, content-type"));
  }

  private static HttpResponse<String> post(
      String path, String origin, String authorization, String form) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base().resolve(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    return send(withHeaders(request, origin, authorization));
  }

  private static HttpResponse<String> get(String path, String origin, String authorization) {
    return send(
        withHeaders(HttpRequest.newBuilder(base().resolve(path)).GET(), origin, authorization));
  }

  private static HttpRequest.Builder withHeaders(
      HttpRequest.Builder request, String origin, String authorization) {
    if (origin != null) {
      request.header("Origin", origin);
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return request;
  }

  private static Optional<String> allowOrigin(HttpResponse<String> response) {
    return header(response, "Access-Control-Allow-Origin");
  }

  private static Optional<String> header(HttpResponse<String> response, String name) {
    return response.headers().firstValue(name);
  }

  private static JsonObject body(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }
}
