package dev.gatehouse.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 6750 §2.1 (the Authorization header's Bearer credentials) and §3.1 (malformed requests). */
class BearerTokensTest {

  @Test
  void accessTokenWhenOneB64TokenThenIt() {
    assertEquals(Optional.of("eyJh.eyJz.c2ln"), BearerTokens.accessToken("Bearer eyJh.eyJz.c2ln"));
    assertEquals(Optional.of("a-b_c~d+e/f=="), BearerTokens.accessToken("bearer  a-b_c~d+e/f== "));
  }

  @Test
  void accessTokenWhenNoBearerCredentialsThenEmpty() {
    assertEquals(Optional.empty(), BearerTokens.accessToken(null));
    assertEquals(Optional.empty(), BearerTokens.accessToken("Basic YTpi"));
    assertEquals(Optional.empty(), BearerTokens.accessToken("Bearer   "));
  }

  /** Two tokens, two headers (joined with a comma), a quote, '=' inside, a non-ASCII letter. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Bearer abc def",
        "Bearer abc,Bearer abc",
        "Bearer abc, Bearer abc",
        "Bearer a\"b\\c",
        "Bearer ab=c",
        "Bearer abç"
      })
  void accessTokenWhenNotOneB64TokenThenInvalidRequest(String authorization) {
    BearerChallengeException e =
        assertThrows(BearerChallengeException.class, () -> BearerTokens.accessToken(authorization));

    assertEquals(OAuthError.INVALID_REQUEST, e.error());
    assertEquals(400, e.error().status());
  }

  @Test
  void fromWhenOperatorSecretOfAnyCharactersThenItAsIs() {
    assertEquals(Optional.of("my secret!"), BearerTokens.from("Bearer my secret!"));
  }
}
