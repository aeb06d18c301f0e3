package dev.gatehouse.protocol;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * Builds the one JSON error shape every mapper writes: {@code {"error", "error_description"}}.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-5.2">RFC 6749 §5.2</a>
 */
public final class ErrorBodies {

  /**
   * One factory for all error bodies: the static {@code Json} factories look a provider up per
   * call.
   */
  static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

  private ErrorBodies() {}

  /** A {@code no-store} error response; extra members (such as an incident id) may be added. */
  public static Response.ResponseBuilder json(int status, String error, String description) {
    return json(status, error, description, JSON.createObjectBuilder());
  }

  static Response.ResponseBuilder json(
      int status, String error, String description, JsonObjectBuilder extra) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .cacheControl(noStore())
        .header("Pragma", "no-cache")
        .entity(body(error, description, extra));
  }

  /** The JSON text of an error: {@code error} and a sanitized {@code error_description}. */
  static String body(String error, String description) {
    return body(error, description, JSON.createObjectBuilder());
  }

  /** The JSON text of an error: {@code error}, a sanitized {@code error_description}, extras. */
  static String body(String error, String description, JsonObjectBuilder extra) {
    JsonObjectBuilder body = JSON.createObjectBuilder().add("error", error);
    if (description != null && !description.isBlank()) {
      body.add("error_description", sanitize(description));
    }
    body.addAll(extra);
    return body.build().toString();
  }

  /** {@code Cache-Control: no-store}, as RFC 6749 §5.1 requires for anything carrying tokens. */
  public static CacheControl noStore() {
    CacheControl cacheControl = new CacheControl();
    cacheControl.setNoStore(true);
    cacheControl.setNoTransform(false);
    return cacheControl;
  }

  /**
   * RFC 6749 §5.2: error_description is limited to %x20-21 / %x23-5B / %x5D-7E. Anything else (CR,
   * LF, TAB, quotes, backslashes, non-ASCII) is replaced so that it cannot split a header or forge
   * a second field.
   */
  public static String sanitize(String description) {
    StringBuilder out = new StringBuilder(Math.min(description.length(), 300));
    for (int i = 0; i < description.length() && out.length() < 300; i++) {
      char c = description.charAt(i);
      boolean allowed = c >= 0x20 && c <= 0x7E && c != '"' && c != '\\';
      out.append(allowed ? c : (c == '"' ? '\'' : ' '));
    }
    return out.toString();
  }
}
