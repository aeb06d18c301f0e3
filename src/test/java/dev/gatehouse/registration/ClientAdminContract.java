package dev.gatehouse.registration;

import static dev.gatehouse.testing.TestServer.adminRequest;
import static dev.gatehouse.testing.TestServer.json;
import static dev.gatehouse.testing.TestServer.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.testing.AsClient;
import dev.gatehouse.testing.TestClients;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
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

  /**
   * The operator widens a machine client's scopes (which the client's own registration access token
   * cannot), and deletes it: its tokens die with it. Unknown clients are 404; no token is 401.
   */
  @Test
  default void updateAndDeleteByTheOperatorThenScopesWidenedAndClientGoneWithItsTokens() {
    JsonObject service = TestClients.machine("read");
    String id = service.getString("client_id");
    Form writeScope = new Form("grant_type", "client_credentials").param("scope", "write");
    assertEquals("invalid_scope", json(AsClient.token(service, writeScope)).getString("error"));
    String body =
        TestClients.service("client_secret_basic")
            .add("client_id", id)
            .add("scope", "read write")
            .build()
            .toString();

    Response updated = adminRequest("/admin/clients/" + id).put(Entity.json(body));
    Response unknown = adminRequest("/admin/clients/no-such-client").put(Entity.json(body));
    Response anonymous = request("/admin/clients/" + id).put(Entity.json(body));

    assertEquals(200, updated.getStatus(), () -> updated.readEntity(String.class));
    JsonObject answer = json(updated);
    assertEquals("read write", answer.getString("scope"));
    assertFalse(answer.containsKey("registration_access_token"), "the client's token is kept");
    Response selfRead =
        request("/register/" + id)
            .header("Authorization", "Bearer " + service.getString("registration_access_token"))
            .get();
    assertEquals(200, selfRead.getStatus(), "the client still manages itself with its token");
    assertEquals(404, unknown.getStatus());
    assertEquals(401, anonymous.getStatus());
    Response write = AsClient.token(service, writeScope);
    assertEquals(200, write.getStatus(), "the secret is kept, and write is now allowed");
    String access = json(write).getString("access_token");

    assertEquals(204, adminRequest("/admin/clients/" + id).delete().getStatus());

    assertEquals(404, adminRequest("/admin/clients/" + id).delete().getStatus());
    assertFalse(
        json(AsClient.introspect(TestClients.resourceServer(), access)).getBoolean("active"));
    assertEquals(401, AsClient.token(service, writeScope).getStatus());
  }

  @Test
  default void createWhenNoAdminTokenThen401() {
    Response response =
        request("/admin/clients").post(Entity.json(TestClients.confidential().build().toString()));

    assertEquals(401, response.getStatus());
    assertEquals("invalid_token", json(response).getString("error"));
  }
}
