package dev.gatehouse.protocol;

import static dev.gatehouse.protocol.JsonSupport.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;

/**
 * Reads a JSON request body (registration, the operator's endpoints): a JSON object, {@code
 * application/json}, at most 64 KiB. Each failure is a 400 with the caller's error code
 * (invalid_client_metadata at registration), never a 500.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7591#section-3.1">RFC 7591 §3.1</a>
 */
public final class JsonBodies {

  public static final int MAX_BYTES = 64 * 1024;

  private JsonBodies() {}

  public static JsonObject readObject(
      MediaType type, InputStream body, Function<String, OAuthException> refusal) {
    if (!ContentTypes.is(type, MediaType.APPLICATION_JSON_TYPE)) {
      throw refusal.apply("Content-Type must be application/json");
    }
    byte[] bytes;
    try {
      bytes = body.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      // A body cut short or badly chunked: the client's fault, not an incident of the server.
      throw refusal.apply("The request body could not be read");
    }
    if (bytes.length > MAX_BYTES) {
      throw refusal.apply("The request body is larger than 64 KiB");
    }
    try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(bytes))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw refusal.apply("The request body must be a JSON object");
      }
      return value.asJsonObject();
    } catch (JsonException e) {
      throw refusal.apply("The request body is not valid JSON");
    }
  }
}
