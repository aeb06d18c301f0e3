package dev.gatehouse.accounts;

import static dev.gatehouse.testing.TestServer.adminRequest;
import static dev.gatehouse.testing.TestServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.testing.TestClients;
import dev.gatehouse.testing.Together;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The operator's {@code POST /admin/users} over HTTP: bad input is 400, never a 500. */
public interface AccountAdminContract {

  @Test
  default void createWhenBodyMalformedOrValuesUnfitThen400InvalidRequest() {
    JsonArrayBuilder manyGroups = Json.createArrayBuilder();
    for (int i = 0; i < 40; i++) {
      manyGroups.add(String.format("group-%02d-", i) + "g".repeat(55));
    }
    Map<String, Entity<String>> cases = new LinkedHashMap<>();
    cases.put("malformed JSON", Entity.json("{\"username\":"));
    cases.put("empty body", Entity.json(""));
    cases.put("a JSON array", Entity.json("[]"));
    cases.put("not JSON", Entity.text(user().build().toString()));
    cases.put("groups a string", Entity.json(user().add("groups", "staff").build().toString()));
    cases.put(
        "groups of numbers",
        Entity.json(user().add("groups", Json.createArrayBuilder().add(1)).build().toString()));
    cases.put(
        "groups over 2000 characters",
        Entity.json(user().add("groups", manyGroups).build().toString()));
    cases.put(
        "claims over 8000 characters",
        Entity.json(user().add("name", "n".repeat(8001)).build().toString()));
    cases.put("no password", Entity.json(user().add("password", 4).build().toString()));

    cases.forEach(
        (what, body) -> {
          Response response = adminRequest("/admin/users").post(body);
          assertEquals(400, response.getStatus(), what);
          JsonObject error = json(response);
          assertEquals("invalid_request", error.getString("error"), what + ": " + error);
        });
    Response created = adminRequest("/admin/users").post(Entity.json(user().build().toString()));
    assertEquals(201, created.getStatus(), "the same account, well formed");
    created.close();
  }

  /**
   * The same username (or operator-chosen client_id) created six times at once: one 201, the others
   * the 400 a creation one after another gets, never a 500 from the unique index.
   */
  @Test
  default void createWhenSameUsernameOrClientIdSentAtOnceThenOneCreatedRest400() throws Exception {
    String user = user().build().toString();
    String clientId = "race-" + UUID.randomUUID().toString().substring(0, 8);
    String client = TestClients.confidential().add("client_id", clientId).build().toString();

    List<Integer> users =
        Together.send(() -> status(adminRequest("/admin/users").post(Entity.json(user))), 6);
    List<Integer> clients =
        Together.send(() -> status(adminRequest("/admin/clients").post(Entity.json(client))), 6);

    assertEquals(1, users.stream().filter(s -> s == 201).count(), "" + users);
    assertEquals(5, users.stream().filter(s -> s == 400).count(), "" + users);
    assertEquals(1, clients.stream().filter(s -> s == 201).count(), "" + clients);
    assertEquals(5, clients.stream().filter(s -> s == 400).count(), "" + clients);
  }

  private static int status(Response response) {
    try (response) {
      return response.getStatus();
    }
  }

  private static jakarta.json.JsonObjectBuilder user() {
    return Json.createObjectBuilder()
        .add("username", "bob-" + UUID.randomUUID().toString().substring(0, 8))
        .add("password", "a password " + UUID.randomUUID());
  }
}
