package dev.gatehouse.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.OAuthException;
import dev.gatehouse.testing.LogCapture;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientAuthenticatorTest {

  @Test
  void authenticateWhenClientIdUnregisteredThenLoggedAsFingerprintNeverAsSent() {
    ClientAuthenticator authenticator = new ClientAuthenticator();
    authenticator.clients =
        new ClientRepository() {
          @Override
          public Optional<Client> find(String clientId) {
            return Optional.empty();
          }
        };
    String forged = "x\n[2026-01-01] [WARNING] security: grant abc revoked " + "A".repeat(5000);

    OAuthException refused;
    List<String> logged;
    try (LogCapture log = LogCapture.of(ClientAuthenticator.class)) {
      refused =
          assertThrows(
              OAuthException.class,
              () ->
                  authenticator.authenticate(
                      new ClientCredentials(AuthMethods.NONE, forged, null, null, false),
                      "/token"));
      logged = log.messages();
    }

    assertEquals("invalid_client", refused.error().code());
    assertEquals(1, logged.size());
    String line = logged.get(0);
    assertTrue(line.contains("unknown client"), line);
    assertFalse(line.contains("\n"), line);
    assertFalse(line.contains("security: grant"), line);
    assertTrue(line.length() < 200, line);
  }
}
