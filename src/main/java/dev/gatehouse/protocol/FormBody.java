package dev.gatehouse.protocol;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Parses an {@code application/x-www-form-urlencoded} body, keeping repeated parameters so that
 * callers can reject them. A parameter without a value is left out, as if it had not been sent (RFC
 * 6749 §3.1, §3.2): some client libraries send {@code client_secret=} for public clients.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#appendix-B">RFC 6749 Appendix B</a>
 */
public final class FormBody {

  /** The most a form body may hold: far more than any OAuth request needs, little memory. */
  public static final int MAX_BYTES = 64 * 1024;

  private static final char REPLACEMENT = '\uFFFD';

  /** U+FFFD, percent-encoded as UTF-8 (upper case). */
  private static final String REPLACEMENT_ESCAPED = "%EF%BF%BD";

  private FormBody() {}

  /**
   * Reads a form body of at most {@link #MAX_BYTES}; a longer one, or one that cannot be read to
   * its end, is invalid_request.
   */
  public static byte[] readLimited(InputStream in) {
    try {
      byte[] body = in.readNBytes(MAX_BYTES + 1);
      if (body.length > MAX_BYTES) {
        throw OAuthException.invalidRequest("The request body is too large");
      }
      return body;
    } catch (IOException e) {
      // A body cut short or badly chunked: the client's fault, not an incident of the server.
      throw OAuthException.invalidRequest("The request body could not be read");
    }
  }

  /**
   * Parses a form body read as bytes. Percent-encoding should leave only ASCII in it; raw bytes
   * beyond ASCII (curl sends typed text so) are read as UTF-8, RFC 6749 Appendix B's encoding, and
   * bytes that are not UTF-8 are invalid_request, never replaced by U+FFFD and passed on.
   */
  public static MultivaluedMap<String, String> parse(byte[] body) {
    try {
      return parse(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString());
    } catch (CharacterCodingException e) {
      throw OAuthException.invalidRequest("The request body is not valid UTF-8");
    }
  }

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
        String decoded = decode(value);
        if (!decoded.isEmpty()) {
          form.add(decode(name), decoded);
        }
      } catch (IllegalArgumentException e) {
        throw OAuthException.invalidRequest("The request body is not valid form encoding");
      }
    }
    return form;
  }

  /**
   * The query parameters of a GET request with the rule of a form body: a parameter sent without a
   * value is left out, as if not sent (RFC 6749 §3.1).
   */
  public static MultivaluedMap<String, String> withValues(MultivaluedMap<String, String> query) {
    MultivaluedMap<String, String> sent = new MultivaluedHashMap<>();
    query.forEach(
        (name, values) ->
            values.stream().filter(value -> !value.isEmpty()).forEach(v -> sent.add(name, v)));
    return sent;
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

  /**
   * Decodes percent-encoding as UTF-8 (RFC 6749 Appendix B); a malformed escape, or escaped bytes
   * that are not UTF-8 ({@code %FF}, {@code %C3%28}), are an IllegalArgumentException. The library
   * would put U+FFFD in their place: it appears only so, or where U+FFFD itself was sent.
   */
  public static String decode(String value) {
    String decoded = URLDecoder.decode(value, StandardCharsets.UTF_8);
    if (decoded.indexOf(REPLACEMENT) >= 0
        && value.indexOf(REPLACEMENT) < 0
        && !value.toUpperCase(Locale.ROOT).contains(REPLACEMENT_ESCAPED)) {
      throw new IllegalArgumentException("Percent-encoded bytes that are not UTF-8");
    }
    return decoded;
  }
}
