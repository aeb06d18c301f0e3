package dev.gatehouse.registration;

import static dev.gatehouse.testing.TestServer.adminRequest;
import static dev.gatehouse.testing.TestServer.json;
import static dev.gatehouse.testing.TestServer.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.testing.TestClients;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Operator-created (pre-registered) clients over HTTP. */
public interface ClientAdminContract {

  @Test
  default void createWhenAdminTokenAndChosenIdThen201WithThatIdAndSecret() {
    String id = "ops-app-" + UUID.randomUUID().toString().substring(0, 8);
    JsonObject body = TestClients.confidential().add("client_id", id).build();

    Response response = adminRequest("/admin/clients").post(Entity.json(body.toString()));

    assertEquals(201, response.getStatus());
    JsonObject client = json(response);
    assertEquals(id, client.getString("client_id"));
    assertTrue(client.getString("client_secret").length() >= 43);
    assertEquals(
        400,
        adminRequest("/admin/clients").post(Entity.json(body.toString())).getStatus(),
        "a second client with the same id is refused (400)");
  }

  @Test
  default void createWhenClientIdShapedLikeUserSubjectOrInvalidThen400() {
    for (String id : new String[] {UUID.randomUUID().toString(), "a b", "x", "é-client"}) {
      JsonObject body = TestClients.confidential().add("client_id", id).build();
      Response response = adminRequest("/admin/clients").post(Entity.json(body.toString()));
      assertEquals(400, response.getStatus(), id);
      assertEquals("invalid_client_metadata", json(response).getString("error"));
    }
  }

  @Test
  default void createWhenNoAdminTokenThen401() {
    Response response =
        request("/admin/clients").post(Entity.json(TestClients.confidential().build().toString()));

    assertEquals(401, response.getStatus());
    assertEquals("invalid_token", json(response).getString("error"));
  }
}
