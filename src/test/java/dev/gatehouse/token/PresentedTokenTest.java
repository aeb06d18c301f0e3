package dev.gatehouse.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.FormBody;
import dev.gatehouse.protocol.OAuthError;
import dev.gatehouse.protocol.OAuthException;
import org.junit.jupiter.api.Test;

class PresentedTokenTest {

  @Test
  void fromWhenTokenAndHintThenBothRead() {
    PresentedToken token =
        PresentedToken.from(FormBody.parse("token=abc&token_type_hint=refresh_token"));

    assertEquals("abc", token.value());
    assertTrue(token.refreshTokenFirst());
  }

  @Test
  void fromWhenHintAbsentOrAccessTokenOrUnknownThenAccessTokenFirst() {
    assertFalse(PresentedToken.from(FormBody.parse("token=a")).refreshTokenFirst());
    assertFalse(
        PresentedToken.from(FormBody.parse("token=a&token_type_hint=access_token"))
            .refreshTokenFirst());
    assertFalse(
        PresentedToken.from(FormBody.parse("token=a&token_type_hint=bogus")).refreshTokenFirst());
  }

  @Test
  void fromWhenTokenMissingEmptyOrRepeatedThenInvalidRequest() {
    for (String body :
        new String[] {"", "token=", "token_type_hint=access_token", "token=a&token=b"}) {
      OAuthException e =
          assertThrows(OAuthException.class, () -> PresentedToken.from(FormBody.parse(body)));
      assertEquals(OAuthError.INVALID_REQUEST, e.error(), body);
    }
  }

  @Test
  void fromWhenHintRepeatedThenInvalidRequest() {
    OAuthException e =
        assertThrows(
            OAuthException.class,
            () ->
                PresentedToken.from(
                    FormBody.parse(
                        "token=a&token_type_hint=access_token&token_type_hint=refresh_token")));

    assertEquals(OAuthError.INVALID_REQUEST, e.error());
  }
}
