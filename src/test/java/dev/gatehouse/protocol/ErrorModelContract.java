package dev.gatehouse.protocol;

import static dev.gatehouse.testing.TestServer.base;
import static dev.gatehouse.testing.TestServer.json;
import static dev.gatehouse.testing.TestServer.request;
import static dev.gatehouse.testing.TestServer.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.testing.Eventually;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one error model (RFC 6749 §5.2 shape) for every failure, over HTTP. */
public interface ErrorModelContract {

  @Test
  default void unknownPathThenJson404WithoutStackTrace() {
    Response response = request("/no/such/endpoint").get();

    assertEquals(404, response.getStatus());
    assertEquals("no-store", response.getHeaderString("Cache-Control"));
    String body = response.readEntity(String.class);
    assertTrue(body.contains("\"error\":\"not_found\""), body);
    assertFalse(body.contains("Exception"), body);
    assertFalse(body.contains("Payara"), "no server banner in the body: " + body);
  }

  @Test
  default void anyResponseThenNoServerBanner() {
    Response response = request("/no/such/endpoint").get();

    assertNull(response.getHeaderString("X-Powered-By"));
    assertNull(response.getHeaderString("Server"));
    response.close();
  }

  @Test
  default void wrongMethodThenJson405WithAllowHeader() {
    Response response = request("/jwks.json").post(Entity.form(new jakarta.ws.rs.core.Form()));

    assertEquals(405, response.getStatus());
    assertTrue(response.getHeaderString("Allow").contains("GET"));
    assertEquals("invalid_request", json(response).getString("error"));
  }

  /**
   * A GET or DELETE with a body (no defined meaning, RFC 9110 §9.3.1) reaches the application and
   * gets its answer: 405 JSON with Allow at the token, introspection and revocation endpoints, the
   * usual bearer challenge at UserInfo; not a bare 400 from the HTTP layer.
   */
  @Test
  default void getOrDeleteWithABodyThenTheEndpointsOwnAnswerInTheErrorModel() {
    for (String path : List.of("/token", "/introspect", "/revoke")) {
      for (String method : List.of("GET", "DELETE")) {
        HttpResponse<String> response =
            send(
                HttpRequest.newBuilder(base().resolve(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString("grant_type=x")));

        assertEquals(405, response.statusCode(), method + " " + path);
        assertEquals(
            Set.of("POST", "OPTIONS"),
            Set.of(response.headers().firstValue("Allow").orElse("").split(",\\s*")),
            method + " " + path);
        assertTrue(response.body().contains("\"error\":\"invalid_request\""), response.body());
      }
    }
    HttpResponse<String> userInfo =
        send(
            HttpRequest.newBuilder(base().resolve("/userinfo"))
                .header("Authorization", "Bearer not-a-token")
                .method("GET", HttpRequest.BodyPublishers.ofString("x=y")));
    assertEquals(401, userInfo.statusCode());
    assertTrue(
        userInfo.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
  }

  /**
   * A client that sends less body than its Content-Length announced and hangs up costs no log lines
   * (Jersey and the web container used to log some 180 a request, stack traces included), while a
   * real failure still reaches the log: the control.
   */
  @Test
  default void clientHangingUpMidBodyThenNothingLoggedWhileRealFailuresStillAre() throws Exception {
    assertEquals(204, request("/test-only/logs").post(null).getStatus());
    try {
      for (String path : List.of("/revoke", "/token", "/introspect")) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", base().getPort())) {
          socket
              .getOutputStream()
              .write(
                  ("POST "
                          + path
                          + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                          + "Content-Type: application/x-www-form-urlencoded\r\n"
                          + "Content-Length: 100\r\n\r\ntoken=abc")
                      .getBytes(StandardCharsets.US_ASCII));
          socket.getOutputStream().flush();
        }
      }
      Thread.sleep(1_000); // the hang-ups are logged, if at all, as they happen
      assertEquals(500, request("/test-only/unexpected").get().getStatus());

      Eventually.await(
          () -> logged().stream().anyMatch(line -> line.contains("unexpected error")),
          Duration.ofSeconds(10),
          "the control's incident is logged");
      Thread.sleep(1_000); // and a second more for anything late
      List<String> logged = logged();
      assertTrue(
          logged.stream()
              .anyMatch(
                  line ->
                      line.startsWith("dev.gatehouse.protocol.ServerErrorMapper SEVERE Incident")),
          "the control: " + logged);
      assertEquals(
          List.of(),
          logged.stream()
              .filter(
                  line ->
                      line.startsWith("org.glassfish.jersey.server.ServerRuntime")
                          || line.startsWith("jakarta.enterprise.web"))
              .toList(),
          "nothing from Jersey's response writer or the web container");
    } finally {
      request("/test-only/logs").delete().close();
    }
  }

  /** The lines the server logged at WARNING and above since the capture opened. */
  private static List<String> logged() {
    return request("/test-only/logs")
        .get()
        .readEntity(jakarta.json.JsonArray.class)
        .getValuesAs(jakarta.json.JsonString.class)
        .stream()
        .map(jakarta.json.JsonString::getString)
        .toList();
  }

  @Test
  default void unacceptableMediaTypeThenJson406() {
    Response response = request("/jwks.json").accept(MediaType.APPLICATION_XML).get();

    assertEquals(406, response.getStatus());
    assertEquals("invalid_request", json(response).getString("error"));
  }

  @Test
  default void formWithUnknownCharsetThen415AndMalformedContentTypeThen4xxBothInTheErrorModel() {
    Map<String, Set<Integer>> contentTypes =
        Map.of(
            "application/x-www-form-urlencoded; charset=bogus", Set.of(415),
            "application/x-www-form-urlencoded; charset=\"\"", Set.of(415),
            "application/x-www-form-urlencoded; charset=\"x y\"", Set.of(415),
            // Refused by the servlet container itself (400) or by the charset filter (415).
            "application/x-www-form-urlencoded; charset", Set.of(400, 415),
            "application/x-www-form-urlencoded; =;", Set.of(400, 415));
    for (String path : new String[] {"/token", "/introspect", "/revoke", "/userinfo"}) {
      contentTypes.forEach(
          (contentType, statuses) -> {
            HttpResponse<String> response = postFormParameters(path, contentType);
            String what = path + " " + contentType + ": " + response.body();
            assertTrue(statuses.contains(response.statusCode()), response.statusCode() + what);
            assertTrue(response.body().startsWith("{\"error\":\"invalid_request\""), what);
            assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
          });
    }
  }

  /**
   * RFC 6749 §3.2, RFC 7662 §2.1, RFC 7009 §2.1: the body is application/x-www-form-urlencoded; a
   * wildcard Content-Type names no format and is refused, not read as a form.
   */
  @Test
  default void formEndpointsWhenContentTypeIsAWildcardThenInvalidRequest() {
    for (String path : new String[] {"/token", "/introspect", "/revoke"}) {
      for (String contentType : new String[] {"application/*", "*/*"}) {
        HttpResponse<String> response = postFormParameters(path, contentType);
        String what = path + " " + contentType + ": " + response.body();
        assertEquals(400, response.statusCode(), what);
        assertTrue(response.body().startsWith("{\"error\":\"invalid_request\""), what);
      }
    }
  }

  /**
   * Every form body is read within 64 KiB, its percent-encoding checked, before anything else reads
   * it: at the browser-facing /authorize and /logout, at the pages whose CSRF check reads the form
   * (with the HTTP session that check needs), at /token. A chunked body has no Content-Length for
   * the server's own limit to check.
   */
  @Test
  default void formBodiesWhenOversizedChunkedOrMalformedThen400InvalidRequest() {
    String session =
        send(HttpRequest.newBuilder(base().resolve("/login")).GET())
            .headers()
            .allValues("Set-Cookie")
            .stream()
            .map(cookie -> cookie.split(";", 2)[0])
            .filter(cookie -> cookie.startsWith("JSESSIONID="))
            .findFirst()
            .orElseThrow();
    byte[] big = ("username=a&state=" + "a".repeat(70_000)).getBytes(StandardCharsets.US_ASCII);
    for (String path :
        new String[] {
          "/authorize", "/logout", "/login", "/consent", "/logout/confirm", "/token", "/login/"
        }) {
      HttpResponse<String> chunked =
          send(
              form(path, session)
                  .POST(
                      HttpRequest.BodyPublishers.ofInputStream(
                          () -> new ByteArrayInputStream(big))));
      HttpResponse<String> malformed =
          send(form(path, session).POST(HttpRequest.BodyPublishers.ofString("username=%&x=%zz")));

      for (HttpResponse<String> response : List.of(chunked, malformed)) {
        String what = path + ": " + response.statusCode() + " " + response.body();
        assertEquals(400, response.statusCode(), what);
        assertTrue(response.body().startsWith("{\"error\":\"invalid_request\""), what);
      }
      assertTrue(chunked.body().contains("too large"), path + ": " + chunked.body());
    }
    for (String page : new String[] {"/login", "/consent", "/logout/confirm", "/login/"}) {
      HttpResponse<String> wildcard =
          send(
              HttpRequest.newBuilder(base().resolve(page))
                  .header("Content-Type", "application/*")
                  .header("Cookie", session)
                  .POST(HttpRequest.BodyPublishers.ofString("username=%")));
      assertEquals(415, wildcard.statusCode(), page + ": " + wildcard.body());
    }
    // A JSON endpoint parses no form: a form-typed JSON body keeps the endpoint's own error.
    HttpResponse<String> json =
        send(
            form("/register", session)
                .POST(HttpRequest.BodyPublishers.ofString("{\"client_name\":\"100% Acme\"}")));
    assertEquals(400, json.statusCode());
    assertTrue(json.body().contains("invalid_client_metadata"), json.body());
  }

  @Test
  default void containerErrorPageWhenAskedDirectlyThenJson404() {
    Response response = request("/gatehouse-container-error").get();

    assertEquals(404, response.getStatus());
    assertEquals("not_found", json(response).getString("error"));
  }

  @Test
  default void unexpectedExceptionThenServerErrorWithIncidentAndNoDetail() {
    Response response = request("/test-only/unexpected").get();

    assertEquals(500, response.getStatus());
    assertEquals("no-store", response.getHeaderString("Cache-Control"));
    JsonObject error = json(response);
    assertEquals("server_error", error.getString("error"));
    String incident = error.getString("incident");
    assertTrue(incident.matches("[0-9a-f]{12}"), incident);
    assertTrue(error.getString("error_description").contains(incident));
    assertFalse(error.toString().contains("hunter2"), "exception message leaked: " + error);
    assertFalse(error.toString().contains("IllegalStateException"), error.toString());
  }

  @Test
  default void oauthExceptionThenRfc6749JsonWithSanitizedDescription() {
    Response response = request("/test-only/oauth-error").get();

    assertEquals(400, response.getStatus());
    assertEquals("no-store", response.getHeaderString("Cache-Control"));
    assertNull(response.getHeaderString("X-Injected"));
    JsonObject error = json(response);
    assertEquals("invalid_grant", error.getString("error"));
    String description = error.getString("error_description");
    assertTrue(description.startsWith("the code has expired"), description);
    assertFalse(description.contains("\r") || description.contains("\n"), description);
  }

  @Test
  default void invalidClientWithAuthorizationHeaderThen401WithBasicChallenge() {
    Response response =
        request("/test-only/invalid-client").header("Authorization", "Basic Zm9vOmJhcg==").get();

    assertEquals(401, response.getStatus());
    assertTrue(response.getHeaderString("WWW-Authenticate").startsWith("Basic "));
    assertEquals("invalid_client", json(response).getString("error"));
  }

  @Test
  default void invalidClientWithoutAuthorizationHeaderThen401StillWithBasicChallenge() {
    Response response = request("/test-only/invalid-client").get();

    assertEquals(401, response.getStatus());
    // RFC 9110 §15.5.2: a 401 always names a scheme the client may use.
    assertEquals("Basic realm=\"gatehouse\"", response.getHeaderString("WWW-Authenticate"));
    assertEquals("invalid_client", json(response).getString("error"));
  }

  @Test
  default void formWithMalformedPercentEncodingThen400InvalidRequestNever500() {
    for (String charset : new String[] {"", "; charset=UTF-8", "; charset=ISO-8859-1"}) {
      for (String path :
          new String[] {"/token", "/introspect", "/revoke", "/userinfo", "/logout", "/authorize"}) {
        for (String body :
            new String[] {"grant_type=%zz", "token=%", "a=%e&b=1", "token=%FF", "a=%C3%28&b=1"}) {
          HttpResponse<String> response =
              send(
                  HttpRequest.newBuilder(base().resolve(path))
                      .header("Content-Type", "application/x-www-form-urlencoded" + charset)
                      .POST(HttpRequest.BodyPublishers.ofString(body)));
          String what = path + charset + " " + body + ": " + response.body();
          assertEquals(400, response.statusCode(), what);
          assertTrue(response.body().startsWith("{\"error\":\"invalid_request\""), what);
        }
      }
    }
  }

  /** Form bodies are read up to 64 KiB, at UserInfo too: beyond it, invalid_request, not memory. */
  @Test
  default void formOver64KibThen400InvalidRequest() {
    String body = "token=" + "x".repeat(64 * 1024);
    for (String path : new String[] {"/token", "/introspect", "/revoke", "/userinfo"}) {
      HttpResponse<String> response =
          send(
              HttpRequest.newBuilder(base().resolve(path))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("Authorization", "Bearer some-token")
                  .POST(HttpRequest.BodyPublishers.ofString(body)));
      assertEquals(400, response.statusCode(), path + ": " + response.body());
      assertTrue(response.body().startsWith("{\"error\":\"invalid_request\""), path);
    }
  }

  @Test
  default void formWithHiddenMethodFieldThenTheRequestKeepsItsMethod() {
    Response response =
        request("/token")
            .post(
                Entity.form(
                    new jakarta.ws.rs.core.Form("_method", "GET")
                        .param("grant_type", "client_credentials")));

    assertEquals(401, response.getStatus(), "a POST to /token, not a GET (405)");
    assertEquals("invalid_client", json(response).getString("error"));
  }

  @Test
  default void wadlWhenAskedThen404() {
    assertEquals(404, request("/application.wadl").get().getStatus());
  }

  private static HttpRequest.Builder form(String path, String sessionCookie) {
    return HttpRequest.newBuilder(base().resolve(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Cookie", sessionCookie);
  }

  /** POSTs form parameters of the token, introspection and revocation endpoints as contentType. */
  private static HttpResponse<String> postFormParameters(String path, String contentType) {
    return send(
        HttpRequest.newBuilder(base().resolve(path))
            .header("Content-Type", contentType)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "token=x&grant_type=client_credentials&client_id=a")));
  }
}
