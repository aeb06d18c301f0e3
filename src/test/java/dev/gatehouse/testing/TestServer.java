package dev.gatehouse.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The provider under test, as the container tests see it: base URL on loopback, the configured
 * issuer and admin token (the same environment failsafe hands to Payara Micro), and an HTTP client.
 */
public final class TestServer {

  // Raw responses: tests assert on redirects themselves.
  private static final Client CLIENT =
      ClientBuilder.newBuilder().property("jersey.config.client.followRedirects", false).build();

  private TestServer() {}

  /**
   * The server's base URL. Built from the reserved port: Arquillian reports a non-loopback host.
   */
  public static URI base() {
    return URI.create("http://127.0.0.1:" + System.getProperty("it.http.port"));
  }

  /** The issuer the server was configured with. */
  public static String issuer() {
    return System.getenv("OIDC_ISSUER");
  }

  /**
   * The client_id the server lets introspect every client's access tokens for the default audience
   * (a resource server).
   */
  public static String resourceServerClientId() {
    String entry = System.getenv("OIDC_INTROSPECTION_RESOURCE_SERVERS");
    return entry.substring(0, entry.indexOf('='));
  }

  public static String adminToken() {
    return System.getenv("OIDC_ADMIN_TOKEN");
  }

  /** A request to a path on the server. */
  public static Invocation.Builder request(String path) {
    return CLIENT.target(base().resolve(path)).request();
  }

  /** A request to an admin endpoint carrying the admin bearer token. */
  public static Invocation.Builder adminRequest(String path) {
    return request(path).header("Authorization", "Bearer " + adminToken());
  }

  /**
   * Sends a request with the JDK client, for what the JAX-RS client refuses to send (an Origin
   * header, a malformed Content-Type).
   */
  public static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Reads a response body as a JSON object (and closes the response). */
  public static JsonObject json(Response response) {
    try (response;
        JsonReader reader =
            Json.createReader(new StringReader(response.readEntity(String.class)))) {
      return reader.readObject();
    }
  }
}
