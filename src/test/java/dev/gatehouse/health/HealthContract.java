package dev.gatehouse.health;

import static dev.gatehouse.testing.TestServer.json;
import static dev.gatehouse.testing.TestServer.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** MicroProfile Health at Payara's standard URLs. */
public interface HealthContract {

  @Test
  default void readinessWhenDatabaseUpAndKeyLoadedThenUpWithBothChecks() {
    JsonObject health = json(request("/health/ready").get());

    assertEquals("UP", health.getString("status"));
    Map<String, JsonObject> checks =
        health.getJsonArray("checks").stream()
            .map(JsonValue::asJsonObject)
            .collect(Collectors.toMap(c -> c.getString("name"), c -> c));
    assertEquals("UP", checks.get("database").getString("status"));
    assertEquals("UP", checks.get("signing-keys").getString("status"));
    assertTrue(
        checks.get("signing-keys").getJsonObject("data").getString("active_kid").length() > 20);
  }

  @Test
  default void livenessWhenDeployedThenUp() {
    JsonObject health = json(request("/health/live").get());

    assertEquals("UP", health.getString("status"));
  }
}
