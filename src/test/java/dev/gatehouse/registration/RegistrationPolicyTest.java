package dev.gatehouse.registration;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.protocol.OAuthError;
import dev.gatehouse.protocol.OAuthException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistrationPolicyTest {

  private static final Optional<String> TOKEN = Optional.of("initial-access-token-value");

  @Test
  void requireInitialAccessTokenWhenOpenRegistrationThenAnyoneAdmitted() {
    assertDoesNotThrow(
        () -> RegistrationPolicy.requireInitialAccessToken(Optional.empty(), Optional.empty()));
  }

  @Test
  void requireOpenWhenRegistrationClosedThenAccessDenied() {
    OAuthException closed =
        assertThrows(OAuthException.class, () -> RegistrationPolicy.requireOpen(false));

    assertEquals(OAuthError.ACCESS_DENIED, closed.error());
    assertEquals(403, closed.error().status());
    assertDoesNotThrow(() -> RegistrationPolicy.requireOpen(true));
  }

  @Test
  void requireInitialAccessTokenWhenConfiguredAndPresentedThenAdmitted() {
    assertDoesNotThrow(() -> RegistrationPolicy.requireInitialAccessToken(TOKEN, TOKEN));
  }

  @Test
  void requireInitialAccessTokenWhenConfiguredAndMissingOrWrongThenInvalidToken() {
    for (Optional<String> presented :
        java.util.List.of(Optional.<String>empty(), Optional.of("guess"))) {
      OAuthException e =
          assertThrows(
              OAuthException.class,
              () -> RegistrationPolicy.requireInitialAccessToken(TOKEN, presented));
      assertEquals(OAuthError.INVALID_TOKEN, e.error());
    }
  }
}
