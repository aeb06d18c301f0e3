package dev.gatehouse.registration;

import static dev.gatehouse.protocol.JsonSupport.JSON;

import dev.gatehouse.protocol.ContentTypes;
import dev.gatehouse.protocol.OAuthException;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a registration request body: JSON object, {@code application/json}, at most 64 KiB. Each
 * failure is a 400 invalid_client_metadata, never a 500.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7591#section-3.1">RFC 7591 §3.1</a>
 */
final class JsonBodies {

  static final int MAX_BYTES = 64 * 1024;

  private JsonBodies() {}

  static JsonObject readObject(MediaType type, InputStream body) {
    if (!ContentTypes.is(type, MediaType.APPLICATION_JSON_TYPE)) {
      throw OAuthException.invalidClientMetadata("Content-Type must be application/json");
    }
    byte[] bytes;
    try {
      bytes = body.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      // A body cut short or badly chunked: the client's fault, not an incident of the server.
      throw OAuthException.invalidClientMetadata("The request body could not be read");
    }
    if (bytes.length > MAX_BYTES) {
      throw OAuthException.invalidClientMetadata("The request body is larger than 64 KiB");
    }
    try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(bytes))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw OAuthException.invalidClientMetadata("The request body must be a JSON object");
      }
      return value.asJsonObject();
    } catch (JsonException e) {
      throw OAuthException.invalidClientMetadata("The request body is not valid JSON");
    }
  }
}
