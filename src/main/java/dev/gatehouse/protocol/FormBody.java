package dev.gatehouse.protocol;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

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
      return parse(utf8(body));
    } catch (IllegalArgumentException e) {
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
   * Decodes form encoding (RFC 6749 Appendix B): {@code +} is a space, {@code %XY} a byte, any
   * other character its UTF-8 bytes; the bytes must be UTF-8. A malformed escape, or bytes that are
   * not UTF-8 ({@code %FF}, {@code %C3%28}), are an IllegalArgumentException, never U+FFFD.
   */
  public static String decode(String value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '+') {
        bytes.write(' ');
      } else if (c == '%') {
        int high = i + 2 < value.length() ? Character.digit(value.charAt(i + 1), 16) : -1;
        int low = high < 0 ? -1 : Character.digit(value.charAt(i + 2), 16);
        if (low < 0) {
          throw new IllegalArgumentException("Malformed percent escape");
        }
        bytes.write(high << 4 | low);
        i += 2;
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        int end = Character.isHighSurrogate(c) ? i + 2 : i + 1;
        bytes.writeBytes(utf8Bytes(value.substring(i, Math.min(end, value.length()))));
        i = end - 1;
      }
    }
    return utf8(bytes.toByteArray());
  }

  /** The bytes as UTF-8; bytes that are not UTF-8 are an IllegalArgumentException. */
  public static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("Not UTF-8", e);
    }
  }

  /** A string's UTF-8 bytes; a lone surrogate is an IllegalArgumentException, not '?'. */
  private static byte[] utf8Bytes(String text) {
    try {
      ByteBuffer encoded =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(java.nio.CharBuffer.wrap(text));
      byte[] bytes = new byte[encoded.remaining()];
      encoded.get(bytes);
      return bytes;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("Not a whole character", e);
    }
  }
}
