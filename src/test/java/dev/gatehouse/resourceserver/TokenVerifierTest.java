package dev.gatehouse.resourceserver;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The token types oidc.resource-server.accept-jwt-typ lets through, and those it does not. */
class TokenVerifierTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"at+jwt", "application/at+jwt", "AT+JWT", "JWT", "jwt", "application/jwt"})
  void acceptedWithJwtTypWhenAccessTokenOrPlainJwtThenAccepted(String typ) {
    assertTrue(TokenVerifier.acceptedWithJwtTyp(typ));
  }

  @ParameterizedTest
  @ValueSource(strings = {"logout+jwt", "secevent+jwt", "dpop+jwt", "JOSE", "", "jwt2"})
  void acceptedWithJwtTypWhenAnotherTypeThenRefused(String typ) {
    assertFalse(TokenVerifier.acceptedWithJwtTyp(typ));
  }

  @Test
  void acceptedWithJwtTypWhenNoTypThenAccepted() {
    assertTrue(TokenVerifier.acceptedWithJwtTyp(null));
  }
}
