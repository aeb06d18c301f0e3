package dev.gatehouse.registration;

import static dev.gatehouse.testing.TestServer.issuer;
import static dev.gatehouse.testing.TestServer.json;
import static dev.gatehouse.testing.TestServer.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.testing.AsClient;
import dev.gatehouse.testing.TestClients;
import dev.gatehouse.testing.Together;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 7591 registration and RFC 7592 management over HTTP. */
public interface RegistrationContract {

  @Test
  default void registerWhenConfidentialWebClientThen201WithSecretShownOnceAndDefaults() {
    Response response = TestClients.post(TestClients.confidential().build());

    assertEquals(201, response.getStatus());
    assertEquals("no-store", response.getHeaderString("Cache-Control"));
    String location = response.getHeaderString("Location");
    JsonObject client = json(response);
    String id = client.getString("client_id");
    assertEquals(issuer() + "/register/" + id, client.getString("registration_client_uri"));
    assertEquals(client.getString("registration_client_uri"), location);
    assertTrue(client.getString("client_secret").length() >= 43, "256-bit secret");
    assertEquals(0, client.getJsonNumber("client_secret_expires_at").longValue());
    assertTrue(
        Math.abs(
                client.getJsonNumber("client_id_issued_at").longValue()
                    - Instant.now().getEpochSecond())
            < 120);
    assertTrue(client.getString("registration_access_token").length() >= 43);
    assertEquals("client_secret_basic", client.getString("token_endpoint_auth_method"));
    assertEquals("[\"authorization_code\"]", client.getJsonArray("grant_types").toString());
    assertEquals("[\"code\"]", client.getJsonArray("response_types").toString());
    assertEquals("web", client.getString("application_type"));
    assertEquals("Confidential Test App", client.getString("client_name"));
  }

  @Test
  default void registerWhenPublicNativeClientThenNoSecret() {
    JsonObject client = TestClients.register(TestClients.publicNative());

    assertFalse(client.containsKey("client_secret"));
    assertFalse(client.containsKey("client_secret_expires_at"));
    assertEquals("none", client.getString("token_endpoint_auth_method"));
    assertEquals(
        "com.example.app:/oauth2redirect", client.getJsonArray("redirect_uris").getString(0));
  }

  @Test
  default void registerTwiceThenDistinctClientIdsAndSecrets() {
    JsonObject a = TestClients.register(TestClients.confidential());
    JsonObject b = TestClients.register(TestClients.confidential());

    assertNotEquals(a.getString("client_id"), b.getString("client_id"));
    assertNotEquals(a.getString("client_secret"), b.getString("client_secret"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{}|invalid_redirect_uri",
        "{'redirect_uris':['https://app.example/cb#fragment']}|invalid_redirect_uri",
        "{'redirect_uris':['/relative']}|invalid_redirect_uri",
        "{'redirect_uris':['not a uri']}|invalid_redirect_uri",
        "{'redirect_uris':['http://app.example/cb']}|invalid_redirect_uri",
        "{'redirect_uris':['com.example.app:/cb']}|invalid_redirect_uri",
        "{'grant_types':['client_credentials'],'response_types':['code']}|invalid_client_metadata",
        "{'redirect_uris':['https://a.example/cb'],'response_types':['token']}|invalid_client_metadata",
        "{'redirect_uris':['https://a.example/cb'],'token_endpoint_auth_method':'magic'}|invalid_client_metadata",
        "{'grant_types':['client_credentials'],'token_endpoint_auth_method':'none'}|invalid_client_metadata",
        "{'redirect_uris':['https://a.example/cb'],'token_endpoint_auth_method':'private_key_jwt'}|invalid_client_metadata",
        "{'redirect_uris':['https://a.example/cb'],'jwks':{'keys':'x'}}|invalid_client_metadata",
        "{'redirect_uris':['https://a.example/cb'],'jwks':{'keys':[1]}}|invalid_client_metadata",
        "{'redirect_uris':['https://a.example/cb'],'token_endpoint_auth_method':'private_key_jwt','jwks_uri':'http://127.0.0.1:9/jwks'}|invalid_client_metadata",
        "{'redirect_uris':['https://a.example/cb'],'token_endpoint_auth_method':'private_key_jwt','jwks_uri':'https://169.254.169.254/latest'}|invalid_client_metadata"
      })
  default void registerWhenMetadataInvalidThen400WithRfc7591Error(String body, String error) {
    Response response = request("/register").post(Entity.json(body.replace('\'', '"')));

    assertEquals(400, response.getStatus());
    assertEquals("no-store", response.getHeaderString("Cache-Control"));
    JsonObject json = json(response);
    assertEquals(error, json.getString("error"));
    assertFalse(json.getString("error_description").isBlank());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "application/json|{\"redirect_uris\": [|not valid JSON",
        "application/json|[\"https://a.example/cb\"]|JSON object",
        "application/json|   |not valid JSON",
        "text/plain|{\"redirect_uris\":[\"https://a.example/cb\"]}|application/json",
        "application/x-www-form-urlencoded|redirect_uris=https://a.example/cb|application/json",
        "application/*|{\"redirect_uris\":[\"https://a.example/cb\"]}|application/json"
      })
  default void registerWhenBodyNotAJsonObjectThen400InvalidClientMetadata(
      String type, String body, String words) {
    Response response = request("/register").post(Entity.entity(body == null ? "" : body, type));

    assertEquals(400, response.getStatus());
    JsonObject json = json(response);
    assertEquals("invalid_client_metadata", json.getString("error"));
    assertTrue(json.getString("error_description").contains(words), json.toString());
  }

  /**
   * A body whose chunking is broken is the client's fault: 400, never a server error (the HTTP
   * layer answers this one itself, with no body).
   */
  @Test
  default void registerWhenChunkedBodyBrokenThen400() throws Exception {
    String[] answer =
        raw(
            "POST /register HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + "5\r\n{\"a\":\r\nZZ\r\n");

    assertEquals("400", answer[0], answer[1]);
  }

  @Test
  default void registerWhenBodyOversizedThen400() {
    String big = "{\"client_name\":\"" + "x".repeat(70_000) + "\"}";

    Response response = request("/register").post(Entity.entity(big, MediaType.APPLICATION_JSON));

    assertEquals(400, response.getStatus());
    assertTrue(json(response).getString("error_description").contains("64 KiB"));
  }

  @Test
  default void readWhenRegistrationAccessTokenThenMetadataAndTokenRotated() {
    JsonObject client = TestClients.register(TestClients.confidential());
    String token = client.getString("registration_access_token");

    Response response = manage(client, token).get();

    assertEquals(200, response.getStatus());
    assertEquals("no-store", response.getHeaderString("Cache-Control"));
    JsonObject read = json(response);
    assertEquals(client.getString("client_id"), read.getString("client_id"));
    assertFalse(read.containsKey("client_secret"), "the secret is shown once, at creation");
    String rotated = read.getString("registration_access_token");
    assertNotEquals(token, rotated);
    assertEquals(401, manage(client, token).get().getStatus(), "the old token no longer works");
    assertEquals(200, manage(client, rotated).get().getStatus());
  }

  @Test
  default void manageWhenTokenMissingWrongOrClientUnknownThen401InvalidToken() {
    JsonObject client = TestClients.register(TestClients.confidential());

    Response missing = request("/register/" + client.getString("client_id")).get();
    Response wrong = manage(client, "not-the-token").get();
    Response unknown =
        request("/register/no-such-client")
            .header("Authorization", "Bearer " + client.getString("registration_access_token"))
            .get();

    for (Response response : new Response[] {missing, wrong, unknown}) {
      assertEquals(401, response.getStatus());
      assertEquals("invalid_token", json(response).getString("error"));
    }
    // RFC 6750 §3.1: no token sent, so no error code in the challenge.
    assertEquals("Bearer realm=\"gatehouse\"", missing.getHeaderString("WWW-Authenticate"));
    for (Response response : new Response[] {wrong, unknown}) {
      assertTrue(response.getHeaderString("WWW-Authenticate").contains("error=\"invalid_token\""));
    }
  }

  @Test
  default void updateWhenFullMetadataThenReplacedAndOmittedValuesReset() {
    JsonObject client =
        TestClients.register(
            TestClients.confidential().add("logo_uri", "https://app.example/logo.png"));
    JsonObject update =
        Json.createObjectBuilder()
            .add("client_id", client.getString("client_id"))
            .add("client_name", "Renamed")
            .add("redirect_uris", Json.createArrayBuilder().add("https://app.example/new-callback"))
            .build();

    Response response =
        manage(client, client.getString("registration_access_token"))
            .put(Entity.json(update.toString()));

    assertEquals(200, response.getStatus());
    JsonObject updated = json(response);
    assertEquals("Renamed", updated.getString("client_name"));
    assertEquals(
        "https://app.example/new-callback", updated.getJsonArray("redirect_uris").getString(0));
    assertFalse(updated.containsKey("logo_uri"), "RFC 7592 §2.2: omitted fields are removed");
    assertFalse(updated.containsKey("client_secret"), "the existing secret is kept, not re-shown");
  }

  @Test
  default void updateWhenClientIdOrSecretMismatchOrMetadataInvalidThen400AndNothingChanged() {
    JsonObject client = TestClients.register(TestClients.confidential());
    String token = client.getString("registration_access_token");
    String id = client.getString("client_id");
    String redirect = "\"redirect_uris\":[\"https://app.example/cb2\"]";

    Response otherId =
        manage(client, token).put(Entity.json("{\"client_id\":\"other\"," + redirect + "}"));
    assertEquals(400, otherId.getStatus());
    assertEquals("invalid_client_metadata", json(otherId).getString("error"));
    Response badSecret =
        manage(client, token)
            .put(
                Entity.json(
                    "{\"client_id\":\"" + id + "\",\"client_secret\":\"nope\"," + redirect + "}"));
    assertEquals(400, badSecret.getStatus());
    Response badUri =
        manage(client, token)
            .put(
                Entity.json(
                    "{\"client_id\":\"" + id + "\",\"redirect_uris\":[\"http://evil.example/\"]}"));
    assertEquals(400, badUri.getStatus());
    assertEquals("invalid_redirect_uri", json(badUri).getString("error"));

    JsonObject unchanged = json(manage(client, token).get());
    assertEquals(
        "https://app.example/callback", unchanged.getJsonArray("redirect_uris").getString(0));
  }

  /**
   * RFC 7591 §5: metadata is self-asserted. Open registration cannot make a client_credentials
   * client (it would get API scopes with no user to consent), nor can an update add the grant, or
   * add an API scope to a client the operator made with it; keeping or narrowing is fine.
   */
  @Test
  default void registerOrUpdateWhenItWouldGiveMachineAccessThen400AndNothingChanged() {
    Response open =
        TestClients.post(TestClients.service("client_secret_basic").add("scope", "read").build());
    JsonObject webApp = TestClients.register(TestClients.confidential().add("scope", "read"));
    JsonObject service = TestClients.machine("read write");

    Response addGrant =
        manage(webApp, webApp.getString("registration_access_token"))
            .put(
                Entity.json(
                    webAppUpdate(webApp, "read", "authorization_code", "client_credentials")));
    Response addScope =
        manage(service, service.getString("registration_access_token"))
            .put(Entity.json(serviceUpdate(service, "read write admin")));

    assertEquals(400, open.getStatus());
    assertEquals("invalid_client_metadata", json(open).getString("error"));
    assertEquals("invalid_client_metadata", json(addGrant).getString("error"));
    JsonObject webAppNow =
        json(manage(webApp, webApp.getString("registration_access_token")).get());
    assertEquals("[\"authorization_code\"]", webAppNow.getJsonArray("grant_types").toString());
    assertEquals(400, addScope.getStatus());
    assertEquals("invalid_client_metadata", json(addScope).getString("error"));
    Response admin =
        AsClient.token(
            service, new Form("grant_type", "client_credentials").param("scope", "admin"));
    assertEquals(
        "invalid_scope", json(admin).getString("error"), "the refused update changed nothing");
    Response narrowed =
        manage(service, service.getString("registration_access_token"))
            .put(Entity.json(serviceUpdate(service, "read")));
    assertEquals(200, narrowed.getStatus(), () -> narrowed.readEntity(String.class));
    assertEquals("read", json(narrowed).getString("scope"));
  }

  /**
   * A machine client's resources are the operator's to give: its own update cannot add one (nor
   * drop its list, which would open every configured resource to it); narrowing is fine.
   */
  @Test
  default void updateWhenMachineClientAddsOrDropsResourcesThen400AndNarrowingAccepted() {
    JsonObject service =
        TestClients.configure(
            TestClients.service("client_secret_basic")
                .add("scope", "read")
                .add(
                    "resources",
                    Json.createArrayBuilder()
                        .add("https://api.example/a")
                        .add("https://api.example/b")));
    String token = service.getString("registration_access_token");

    Response added =
        manage(service, token)
            .put(Entity.json(resourcesUpdate(service, "https://api.example/c").toString()));
    Response dropped = manage(service, token).put(Entity.json(resourcesUpdate(service).toString()));
    Response narrowed =
        manage(service, token)
            .put(Entity.json(resourcesUpdate(service, "https://api.example/a").toString()));

    assertEquals(400, added.getStatus());
    assertEquals("invalid_client_metadata", json(added).getString("error"));
    assertEquals(400, dropped.getStatus());
    assertEquals("invalid_client_metadata", json(dropped).getString("error"));
    assertEquals(200, narrowed.getStatus(), () -> narrowed.readEntity(String.class));
    assertEquals(
        "[\"https://api.example/a\"]", json(narrowed).getJsonArray("resources").toString());
  }

  private static JsonObject resourcesUpdate(JsonObject service, String... resources) {
    return TestClients.service("client_secret_basic")
        .add("client_id", service.getString("client_id"))
        .add("scope", "read")
        .add("resources", Json.createArrayBuilder(List.of(resources)))
        .build();
  }

  /**
   * Two updates cannot do what one may not: the machine client drops the grant while widening its
   * scope (a web app's scopes are for users to consent to), then asks for the grant back: refused.
   */
  @Test
  default void updateWhenMachineClientDropsTheGrantWidensThenTakesItBackThenRefused() {
    JsonObject service = TestClients.machine("read");

    Response asWebApp =
        manage(service, service.getString("registration_access_token"))
            .put(Entity.json(webAppUpdate(service, "read admin")));
    assertEquals(200, asWebApp.getStatus(), () -> asWebApp.readEntity(String.class));
    String token = json(asWebApp).getString("registration_access_token");
    Response back = manage(service, token).put(Entity.json(serviceUpdate(service, "read admin")));

    assertEquals(400, back.getStatus());
    assertEquals("invalid_client_metadata", json(back).getString("error"));
    Response admin =
        AsClient.token(
            service, new Form("grant_type", "client_credentials").param("scope", "admin"));
    assertEquals("unauthorized_client", json(admin).getString("error"));
  }

  /** An RFC 7592 update that makes the client a web app with this scope (and these grants). */
  private static String webAppUpdate(JsonObject client, String scope, String... grantTypes) {
    var body =
        TestClients.confidential()
            .add("client_id", client.getString("client_id"))
            .add("scope", scope);
    if (grantTypes.length > 0) {
      body.add("grant_types", Json.createArrayBuilder(List.of(grantTypes)));
    }
    return body.build().toString();
  }

  private static String serviceUpdate(JsonObject service, String scope) {
    return TestClients.service("client_secret_basic")
        .add("client_id", service.getString("client_id"))
        .add("scope", scope)
        .build()
        .toString();
  }

  /**
   * Each read rotates the registration access token: the same token sent 6 times at once is
   * answered once, the other requests finding it spent (401), none failing on another's write.
   */
  @Test
  default void readWhenSameTokenSentAtOnceThenAnsweredOnceAndSpentForTheRest() throws Exception {
    JsonObject client = TestClients.register(TestClients.confidential());
    String token = client.getString("registration_access_token");

    List<Integer> statuses =
        Together.send(
            () -> {
              try (Response response = manage(client, token).get()) {
                return response.getStatus();
              }
            },
            6);

    assertEquals(1, statuses.stream().filter(status -> status == 200).count(), "" + statuses);
    assertEquals(5, statuses.stream().filter(status -> status == 401).count(), "" + statuses);
  }

  @Test
  default void deleteWhenTokenThen204AndClientGone() {
    JsonObject client = TestClients.register(TestClients.confidential());
    String token = client.getString("registration_access_token");

    assertEquals(204, manage(client, token).delete().getStatus());

    assertEquals(401, manage(client, token).get().getStatus());
    assertEquals(401, manage(client, token).delete().getStatus());
  }

  /**
   * Each redirect URI within its bound, 20 of them within the 64 KiB body, yet together more than a
   * client row stores: 400, not a database error.
   */
  @Test
  default void registerWhenMetadataTogetherTooLargeToStoreThen400InvalidClientMetadata() {
    var uris = Json.createArrayBuilder();
    for (int i = 0; i < 20; i++) {
      uris.add("https://app.example/" + i + "x".repeat(1900));
    }

    Response response =
        TestClients.post(Json.createObjectBuilder().add("redirect_uris", uris).build());

    assertEquals(400, response.getStatus());
    assertEquals("invalid_client_metadata", json(response).getString("error"));
  }

  @Test
  default void registerWhenTooManyRequestsFromOneAddressThen429() throws Exception {
    // From 127.0.0.2 so that no other test shares this address's budget (200 a minute in the ITs;
    // a minute boundary inside the loop can take it up to twice that).
    int status = 0;
    String body = "";
    for (int i = 0; i < 450 && status != 429; i++) {
      String[] answer = postFrom("127.0.0.2", "/register", "{}");
      status = Integer.parseInt(answer[0]);
      body = answer[1];
    }
    assertEquals(429, status);
    assertTrue(body.contains("\"error\":\"temporarily_unavailable\""), body);
  }

  @Test
  default void discoveryWhenRegistrationImplementedThenAdvertised() {
    JsonObject metadata = json(request("/.well-known/openid-configuration").get());

    assertEquals(issuer() + "/register", metadata.getString("registration_endpoint"));
    assertEquals(
        "[\"client_secret_basic\",\"client_secret_post\",\"private_key_jwt\",\"none\"]",
        metadata.getJsonArray("token_endpoint_auth_methods_supported").toString());
    assertFalse(
        metadata
            .getJsonArray("token_endpoint_auth_signing_alg_values_supported")
            .toString()
            .contains("HS"));
  }

  private static jakarta.ws.rs.client.Invocation.Builder manage(JsonObject client, String token) {
    return request("/register/" + client.getString("client_id"))
        .header("Authorization", "Bearer " + token);
  }

  /** Sends a raw request and reads the answer to its end: {status, whole response}. */
  private static String[] raw(String request) throws Exception {
    try (Socket socket =
        new Socket("127.0.0.1", dev.gatehouse.testing.TestServer.base().getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      socket.shutdownOutput();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      socket.getInputStream().transferTo(response);
      String text = response.toString(StandardCharsets.UTF_8);
      return new String[] {text.length() < 12 ? text : text.substring(9, 12), text};
    }
  }

  /** A minimal HTTP/1.1 POST over a socket bound to {@code source} (a loopback address). */
  private static String[] postFrom(String source, String path, String json) throws Exception {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
      socket.connect(
          new InetSocketAddress("127.0.0.1", dev.gatehouse.testing.TestServer.base().getPort()),
          5000);
      socket.setSoTimeout(10_000);
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  + "Content-Length: "
                  + bytes.length
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      in.transferTo(response);
      String text = response.toString(StandardCharsets.UTF_8);
      return new String[] {text.substring(9, 12), text};
    }
  }
}
