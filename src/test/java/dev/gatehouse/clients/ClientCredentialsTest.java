package dev.gatehouse.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.FormBody;
import dev.gatehouse.protocol.OAuthError;
import dev.gatehouse.protocol.OAuthException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ClientCredentialsTest {

  static String basic(String raw) {
    return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void fromWhenBasicWithFormEncodedIdAndSecretThenDecoded() {
    // RFC 6749 §2.3.1: "a:b" and "p%w" are form-encoded before joining with ':'
    ClientCredentials c = ClientCredentials.from(basic("a%3Ab:p%25w+x"), FormBody.parse(""));

    assertEquals(AuthMethods.CLIENT_SECRET_BASIC, c.method());
    assertEquals("a:b", c.clientId());
    assertEquals("p%w x", c.secret());
    assertTrue(c.headerUsed());
  }

  @Test
  void fromWhenSecretInBodyThenClientSecretPost() {
    ClientCredentials c =
        ClientCredentials.from(null, FormBody.parse("client_id=c1&client_secret=s%2B1"));

    assertEquals(AuthMethods.CLIENT_SECRET_POST, c.method());
    assertEquals("s+1", c.secret());
    assertFalse(c.headerUsed());
  }

  @Test
  void fromWhenOnlyClientIdThenNone() {
    assertEquals(
        AuthMethods.NONE, ClientCredentials.from(null, FormBody.parse("client_id=c1")).method());
  }

  @Test
  void fromWhenAssertionThenPrivateKeyJwt() {
    ClientCredentials c =
        ClientCredentials.from(
            null,
            FormBody.parse(
                "client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion=a.b.c"));

    assertEquals(AuthMethods.PRIVATE_KEY_JWT, c.method());
    assertEquals("a.b.c", c.assertion());
  }

  @Test
  void fromWhenTwoMethodsThenInvalidRequest() {
    OAuthException e =
        assertThrows(
            OAuthException.class,
            () ->
                ClientCredentials.from(
                    basic("c1:s1"), FormBody.parse("client_id=c1&client_secret=s1")));

    assertEquals(OAuthError.INVALID_REQUEST, e.error());
    assertTrue(e.description().contains("More than one"));
  }

  @Test
  void fromWhenParameterRepeatedThenInvalidRequest() {
    OAuthException e =
        assertThrows(
            OAuthException.class,
            () -> ClientCredentials.from(null, FormBody.parse("client_id=a&client_id=b")));

    assertEquals(OAuthError.INVALID_REQUEST, e.error());
  }

  @Test
  void fromWhenWrongAssertionTypeThenInvalidRequest() {
    OAuthException e =
        assertThrows(
            OAuthException.class,
            () ->
                ClientCredentials.from(
                    null, FormBody.parse("client_assertion_type=saml&client_assertion=x")));

    assertEquals(OAuthError.INVALID_REQUEST, e.error());
  }

  @Test
  void fromWhenNothingThenInvalidClient() {
    assertEquals(
        OAuthError.INVALID_CLIENT,
        assertThrows(OAuthException.class, () -> ClientCredentials.from(null, FormBody.parse("")))
            .error());
  }

  @Test
  void fromWhenMalformedBasicThenInvalidClient() {
    for (String header :
        new String[] {
          "Basic !!!",
          basic("no-colon"),
          basic(":secret"),
          "Bearer abc",
          basic("app:%FF"),
          basic("app:%EF%BF%BD%FF"),
          "Basic "
              + java.util.Base64.getEncoder().encodeToString(new byte[] {'a', ':', (byte) 0xFF})
        }) {
      OAuthException e =
          assertThrows(
              OAuthException.class, () -> ClientCredentials.from(header, FormBody.parse("")));
      assertEquals(OAuthError.INVALID_CLIENT, e.error(), header);
      if (header.startsWith("Basic")) {
        assertEquals("Malformed Basic credentials", e.description(), header);
      }
    }
  }

  @Test
  void fromWhenBodyClientIdDiffersFromBasicThenInvalidRequest() {
    OAuthException e =
        assertThrows(
            OAuthException.class,
            () -> ClientCredentials.from(basic("c1:s1"), FormBody.parse("client_id=c2")));

    assertEquals(OAuthError.INVALID_REQUEST, e.error());
  }
}
