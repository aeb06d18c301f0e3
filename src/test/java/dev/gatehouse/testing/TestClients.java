package dev.gatehouse.testing;

import static dev.gatehouse.testing.TestServer.json;
import static dev.gatehouse.testing.TestServer.request;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;

/** Registration requests for the usual kinds of client, and a helper that registers them. */
public final class TestClients {

  private static JsonObject resourceServer;

  private TestClients() {}

  /**
   * The resource server the container tests configure (its client_id, unique per build, is in
   * oidc.introspection.resource-servers for the default audience), created by the operator on first
   * use and shared by every test after it.
   */
  public static synchronized JsonObject resourceServer() {
    if (resourceServer == null) {
      resourceServer =
          configure(
              service("client_secret_basic").add("client_id", TestServer.resourceServerClientId()));
    }
    return resourceServer;
  }

  /** Creates the client as the operator (it may choose the client_id), asserting 201. */
  public static JsonObject configure(JsonObjectBuilder metadata) {
    Response created =
        TestServer.adminRequest("/admin/clients").post(Entity.json(metadata.build().toString()));
    assertEquals(201, created.getStatus(), () -> created.readEntity(String.class));
    return json(created);
  }

  /** A confidential web client (client_secret_basic, code flow). */
  public static JsonObjectBuilder confidential() {
    return Json.createObjectBuilder()
        .add("client_name", "Confidential Test App")
        .add("redirect_uris", Json.createArrayBuilder().add("https://app.example/callback"));
  }

  /** A confidential web client registered for the refresh_token grant too. */
  public static JsonObjectBuilder withRefresh() {
    return confidential()
        .add(
            "grant_types",
            Json.createArrayBuilder().add("authorization_code").add("refresh_token"));
  }

  /** A public browser-based client (none, PKCE) registered for the refresh_token grant too. */
  public static JsonObjectBuilder publicWithRefresh() {
    return withRefresh()
        .add("client_name", "Single-Page Test App")
        .add("token_endpoint_auth_method", "none");
  }

  /** A public native client (none, PKCE) with a private-use scheme redirect. */
  public static JsonObjectBuilder publicNative() {
    return Json.createObjectBuilder()
        .add("client_name", "Native Test App")
        .add("application_type", "native")
        .add("token_endpoint_auth_method", "none")
        .add("redirect_uris", Json.createArrayBuilder().add("com.example.app:/oauth2redirect"));
  }

  /** A machine-to-machine client. */
  public static JsonObjectBuilder service(String authMethod) {
    return Json.createObjectBuilder()
        .add("client_name", "Service " + authMethod)
        .add("grant_types", Json.createArrayBuilder().add("client_credentials"))
        .add("token_endpoint_auth_method", authMethod);
  }

  /**
   * A machine-to-machine client (client_secret_basic) with these API scopes, created by the
   * operator (open registration cannot create one).
   */
  public static JsonObject machine(String scope) {
    return configure(service("client_secret_basic").add("scope", scope));
  }

  /** POSTs to /register and returns the response (for the caller to assert on). */
  public static Response post(JsonObject metadata) {
    return request("/register").post(Entity.json(metadata.toString()));
  }

  /** Registers and returns the client information response, asserting 201. */
  public static JsonObject register(JsonObjectBuilder metadata) {
    Response response = post(metadata.build());
    assertEquals(
        201,
        response.getStatus(),
        () -> "registration failed: " + response.readEntity(String.class));
    return json(response);
  }
}
