package dev.gatehouse.testing;

import static dev.gatehouse.testing.TestServer.adminRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** End users created through the admin endpoint: each test owns its own. */
public final class TestAccounts {

  private TestAccounts() {}

  /** A user with a password and the usual claims. */
  public record TestAccount(String username, String password, String subject) {}

  public static TestAccount alice() {
    String username = "alice-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "correct horse " + UUID.randomUUID();
    Response response =
        adminRequest("/admin/users")
            .post(
                Entity.json(
                    Json.createObjectBuilder()
                        .add("username", username)
                        .add("password", password)
                        .add("name", "Alice Example")
                        .add("given_name", "Alice")
                        .add("family_name", "Example")
                        .add("email", username + "@example.com")
                        .add("email_verified", true)
                        .add("groups", Json.createArrayBuilder().add("staff"))
                        .build()
                        .toString()));
    assertEquals(201, response.getStatus());
    return new TestAccount(username, password, TestServer.json(response).getString("sub"));
  }
}
