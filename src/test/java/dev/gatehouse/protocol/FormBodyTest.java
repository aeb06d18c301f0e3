package dev.gatehouse.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 6749 Appendix B form bodies, §3.1/§3.2 parameters without a value, repeated parameters. */
class FormBodyTest {

  @Test
  void parseWhenEncodedThenDecodedAndRepeatedKept() {
    var form = FormBody.parse("a=x%20y&b=%2B1&b=2&c=d+e");

    assertEquals(List.of("x y"), form.get("a"));
    assertEquals(List.of("+1", "2"), form.get("b"));
    assertEquals("d e", FormBody.single(form, "c"));
  }

  @Test
  void parseWhenValueEmptyOrMissingThenAsIfNotSent() {
    var form = FormBody.parse("client_id=spa&client_secret=&scope&token=a&token=&&");

    assertEquals("spa", FormBody.single(form, "client_id"));
    assertFalse(form.containsKey("client_secret"));
    assertFalse(form.containsKey("scope"));
    assertEquals("a", FormBody.single(form, "token"), "an empty second value is no repetition");
    assertNull(FormBody.single(form, "client_secret"));
  }

  @Test
  void withValuesWhenQueryHasEmptyValuesThenThoseLeftOutAndRepeatsKept() {
    var query = new jakarta.ws.rs.core.MultivaluedHashMap<String, String>();
    query.addAll("scope", "", "openid");
    query.addAll("state", "");
    query.addAll("prompt", "login", "none");

    var sent = FormBody.withValues(query);

    assertEquals(List.of("openid"), sent.get("scope"));
    assertFalse(sent.containsKey("state"));
    assertEquals(List.of("login", "none"), sent.get("prompt"), "a real repeat stays one");
    assertEquals(List.of("", "openid"), query.get("scope"), "the request's own map is untouched");
  }

  @Test
  void singleWhenRepeatedThenInvalidRequest() {
    var form = FormBody.parse("token=a&token=b");

    OAuthException e = assertThrows(OAuthException.class, () -> FormBody.single(form, "token"));
    assertEquals(OAuthError.INVALID_REQUEST, e.error());
  }

  @Test
  void parseWhenEncodingBrokenThenInvalidRequest() {
    OAuthException e = assertThrows(OAuthException.class, () -> FormBody.parse("token=%zz"));
    assertEquals(OAuthError.INVALID_REQUEST, e.error());
  }

  /** RFC 6749 Appendix B: UTF-8, escaped or (as curl sends typed text) raw. */
  @Test
  void parseWhenUtf8EscapedInEitherCaseOrRawThenDecoded() {
    assertEquals("café", FormBody.parse("scope=caf%C3%A9").getFirst("scope"));
    assertEquals("café", FormBody.parse("scope=caf%c3%a9").getFirst("scope"));
    assertEquals(
        "café", FormBody.parse("scope=café".getBytes(StandardCharsets.UTF_8)).getFirst("scope"));
    assertEquals("\uFFFD", FormBody.parse("x=%EF%BF%BD").getFirst("x"), "U+FFFD itself, sent");
    assertEquals("\uFFFD", FormBody.parse("x=%ef%bf%bd").getFirst("x"));
  }

  /** Bytes that are not UTF-8, escaped or raw: invalid_request, not U+FFFD passed on as data. */
  @Test
  void parseWhenBytesAreNotUtf8ThenInvalidRequest() {
    for (String body :
        new String[] {
          "x=%FF", "x=%C3%28", "x=caf%E9", "%FF=1", "x=%ED%A0%80", "x=%EF%BF%BD%FF", "x=%F0%9F"
        }) {
      OAuthException e = assertThrows(OAuthException.class, () -> FormBody.parse(body), body);
      assertEquals(OAuthError.INVALID_REQUEST, e.error(), body);
    }
    OAuthException raw =
        assertThrows(
            OAuthException.class,
            () -> FormBody.parse(new byte[] {'x', '=', 'c', 'a', 'f', (byte) 0xE9}));
    assertEquals(OAuthError.INVALID_REQUEST, raw.error());
  }

  @Test
  void decodeWhenEscapedBytesAreNotUtf8ThenIllegalArgument() {
    assertEquals("a b", FormBody.decode("a+b"));
    assertEquals("a+b 😀é", FormBody.decode("a%2Bb+%F0%9F%98%80é"));
    for (String value : new String[] {"%FF", "%", "%e", "%zz", "a%G1", "\uD800", "x\uDC00y"}) {
      assertThrows(IllegalArgumentException.class, () -> FormBody.decode(value), value);
    }
  }

  @Test
  void readLimitedWhenBodyCutShortThenInvalidRequestNotAServerError() {
    java.io.InputStream broken =
        new java.io.InputStream() {
          @Override
          public int read() throws java.io.IOException {
            throw new java.io.EOFException("chunked body ended early");
          }
        };

    OAuthException e = assertThrows(OAuthException.class, () -> FormBody.readLimited(broken));

    assertEquals(OAuthError.INVALID_REQUEST, e.error());
  }

  @Test
  void readLimitedWhenLongerThanTheLimitThenInvalidRequest() {
    byte[] body = new byte[FormBody.MAX_BYTES + 1];

    OAuthException e =
        assertThrows(
            OAuthException.class,
            () -> FormBody.readLimited(new java.io.ByteArrayInputStream(body)));

    assertEquals(OAuthError.INVALID_REQUEST, e.error());
    assertEquals(
        FormBody.MAX_BYTES,
        FormBody.readLimited(new java.io.ByteArrayInputStream(new byte[FormBody.MAX_BYTES]))
            .length);
  }
}
