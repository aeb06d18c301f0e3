package dev.gatehouse.testing;

import static dev.gatehouse.testing.TestServer.json;
import static dev.gatehouse.testing.TestServer.request;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Calls the client-authenticated endpoints (token, introspection, revocation) as a registered
 * client: client_secret_basic when the client information response has a secret, else the client_id
 * alone (a public client).
 */
public final class AsClient {

  private AsClient() {}

  public static Response post(JsonObject client, String path, Form form) {
    Invocation.Builder call = request(path);
    if (client.containsKey("client_secret")) {
      call.header(
          "Authorization", basic(client.getString("client_id"), client.getString("client_secret")));
    } else {
      form.param("client_id", client.getString("client_id"));
    }
    return call.post(Entity.form(form));
  }

  /** An Authorization header value for client_secret_basic (id and secret need no encoding). */
  public static String basic(String clientId, String secret) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  public static Response token(JsonObject client, Form form) {
    return post(client, "/token", form);
  }

  /** A client_credentials grant request, naming an RFC 8707 resource when not null. */
  public static Response clientCredentials(JsonObject client, String resource) {
    Form form = new Form("grant_type", "client_credentials");
    if (resource != null) {
      form.param("resource", resource);
    }
    return token(client, form);
  }

  /** A client_credentials access token of the client, asserting the grant succeeded. */
  public static String clientCredentialsToken(JsonObject client) {
    Response response = clientCredentials(client, null);
    JsonObject body = json(response);
    assertEquals(200, response.getStatus(), body::toString);
    return body.getString("access_token");
  }

  /** A refresh_token grant request, with a scope when not null. */
  public static Response refresh(JsonObject client, String refreshToken, String scope) {
    Form form = new Form("grant_type", "refresh_token").param("refresh_token", refreshToken);
    if (scope != null) {
      form.param("scope", scope);
    }
    return token(client, form);
  }

  /** An introspection request, with a token_type_hint when not null. */
  public static Response introspect(JsonObject client, String token, String hint) {
    return post(client, "/introspect", withHint(new Form("token", token), hint));
  }

  public static Response introspect(JsonObject client, String token) {
    return introspect(client, token, null);
  }

  /** The {@code exp} introspection reports for one of the client's tokens (it must be active). */
  public static long expiresAt(JsonObject client, String token) {
    return json(introspect(client, token)).getJsonNumber("exp").longValue();
  }

  /** A revocation request, with a token_type_hint when not null. */
  public static Response revoke(JsonObject client, String token, String hint) {
    return post(client, "/revoke", withHint(new Form("token", token), hint));
  }

  /** GET /userinfo with the access token in the Authorization header. */
  public static Response userInfo(String accessToken) {
    return request("/userinfo").header("Authorization", "Bearer " + accessToken).get();
  }

  private static Form withHint(Form form, String hint) {
    return hint == null ? form : form.param("token_type_hint", hint);
  }
}
