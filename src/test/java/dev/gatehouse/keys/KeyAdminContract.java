package dev.gatehouse.keys;

import static dev.gatehouse.testing.TestServer.adminRequest;
import static dev.gatehouse.testing.TestServer.json;
import static dev.gatehouse.testing.TestServer.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.testing.Together;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Key administration and rotation (OpenID Connect Core §10.1.1) over HTTP. */
public interface KeyAdminContract {

  @Test
  default void rotateWhenAdminTokenThenNextKeySignsAndOldKeyStaysPublished() {
    Map<String, String> before = statuses(json(adminRequest("/admin/keys").get()));
    String oldActive = kidWithStatus(before, "active");
    String oldNext = kidWithStatus(before, "next");

    // Forced: the server started moments ago, so its next key is younger than the JWKS cache.
    Response response = adminRequest("/admin/keys/rotate?force=true").post(Entity.text(""));

    assertEquals(200, response.getStatus());
    assertEquals("no-store", response.getHeaderString("Cache-Control"));
    Map<String, String> after = statuses(json(response));
    // The key relying parties already had in their JWKS cache becomes the signer.
    assertEquals(oldNext, kidWithStatus(after, "active"));
    assertEquals("retired", after.get(oldActive));
    String newNext = kidWithStatus(after, "next");
    assertNotEquals(oldNext, newNext);
    List<String> published = publishedKids();
    assertTrue(published.containsAll(List.of(oldActive, oldNext, newNext)), published.toString());
    assertEquals(oldNext, health().getJsonObject("data").getString("active_kid"));
  }

  /**
   * A rotation right after one would sign with a key verifiers may not have fetched yet: refused
   * (409, saying when it may run, or how to force it), the keys unchanged; rotations sent at once
   * take turns, none a server error.
   */
  @Test
  default void rotateWhenNextKeyJustPublishedOrSentAtOnceThen409NotServerError() throws Exception {
    adminRequest("/admin/keys/rotate?force=true").post(Entity.text("")).close();
    Map<String, String> before = statuses(json(adminRequest("/admin/keys").get()));

    Response refused = adminRequest("/admin/keys/rotate").post(Entity.text(""));
    List<Integer> atOnce =
        Together.send(
            () -> {
              try (Response r = adminRequest("/admin/keys/rotate").post(Entity.text(""))) {
                return r.getStatus();
              }
            },
            4);
    List<Integer> forcedAtOnce =
        Together.send(
            () -> {
              try (Response r =
                  adminRequest("/admin/keys/rotate?force=true").post(Entity.text(""))) {
                return r.getStatus();
              }
            },
            4);

    assertEquals(409, refused.getStatus());
    JsonObject error = json(refused);
    assertEquals("conflict", error.getString("error"));
    assertTrue(error.getString("error_description").contains("force=true"), error.toString());
    assertEquals(List.of(409, 409, 409, 409), atOnce);
    assertEquals(List.of(200, 200, 200, 200), forcedAtOnce);
    Map<String, String> after = statuses(json(adminRequest("/admin/keys").get()));
    assertEquals("retired", after.get(kidWithStatus(before, "active")), "forced ones did run");
  }

  @Test
  default void listWhenAdminTokenThenKeysEncryptedAtRestAndNoKeyMaterial() {
    Response response = adminRequest("/admin/keys").get();

    assertEquals(200, response.getStatus());
    String body = response.readEntity(String.class);
    assertTrue(body.contains("\"encrypted_at_rest\":true"), body);
    assertFalse(body.contains("\"n\""), "no key material in the admin listing");
    assertFalse(body.contains("\"d\""), "no key material in the admin listing");
  }

  @Test
  default void adminWhenNoTokenThenBearerChallengeWithoutErrorCode() {
    Response response = request("/admin/keys/rotate").post(Entity.text(""));

    assertEquals(401, response.getStatus());
    // RFC 6750 §3.1: no token sent, so no error code in the challenge.
    assertEquals("Bearer realm=\"gatehouse\"", response.getHeaderString("WWW-Authenticate"));
    assertEquals("invalid_token", json(response).getString("error"));
  }

  @Test
  default void adminWhenWrongTokenThenInvalidTokenAndNoRotation() {
    List<String> before = publishedKids();

    Response response =
        request("/admin/keys/rotate")
            .header("Authorization", "Bearer not-the-admin-token")
            .post(Entity.text(""));

    assertEquals(401, response.getStatus());
    JsonObject error = json(response);
    assertEquals("invalid_token", error.getString("error"));
    assertTrue(error.getString("error_description").contains("not valid"));
    assertEquals(before, publishedKids());
  }

  @Test
  default void adminWhenOtherAuthSchemeThenInvalidToken() {
    Response response =
        request("/admin/keys").header("Authorization", "Basic YWRtaW46YWRtaW4=").get();

    assertEquals(401, response.getStatus());
    assertEquals("invalid_token", json(response).getString("error"));
  }

  private static Map<String, String> statuses(JsonObject listing) {
    return listing.getJsonArray("keys").stream()
        .map(JsonValue::asJsonObject)
        .collect(Collectors.toMap(k -> k.getString("kid"), k -> k.getString("status")));
  }

  private static String kidWithStatus(Map<String, String> statuses, String status) {
    List<String> kids =
        statuses.entrySet().stream()
            .filter(e -> e.getValue().equals(status))
            .map(Map.Entry::getKey)
            .toList();
    assertEquals(1, kids.size(), "exactly one " + status + " key: " + statuses);
    return kids.get(0);
  }

  private static List<String> publishedKids() {
    return json(request("/jwks.json").get()).getJsonArray("keys").stream()
        .map(k -> k.asJsonObject().getString("kid"))
        .toList();
  }

  private static JsonObject health() {
    return json(request("/health/ready").get()).getJsonArray("checks").stream()
        .map(JsonValue::asJsonObject)
        .filter(c -> c.getString("name").equals("signing-keys"))
        .findFirst()
        .orElseThrow();
  }
}
