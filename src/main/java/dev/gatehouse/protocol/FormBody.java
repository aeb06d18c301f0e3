package dev.gatehouse.protocol;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Parses an {@code application/x-www-form-urlencoded} body, keeping repeated parameters so that
 * callers can reject them.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#appendix-B">RFC 6749 Appendix B</a>
 */
public final class FormBody {

  private FormBody() {}

  public static MultivaluedMap<String, String> parse(String body) {
    MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
    if (body == null || body.isEmpty()) {
      return form;
    }
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        form.add(decode(name), decode(value));
      } catch (IllegalArgumentException e) {
        throw OAuthException.invalidRequest("The request body is not valid form encoding");
      }
    }
    return form;
  }

  /** The single value of a parameter; more than one is an invalid_request (RFC 6749 §3.2). */
  public static String single(MultivaluedMap<String, String> form, String name) {
    var values = form.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw OAuthException.invalidRequest("Parameter " + name + " is repeated");
    }
    return values.get(0);
  }

  public static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }
}
