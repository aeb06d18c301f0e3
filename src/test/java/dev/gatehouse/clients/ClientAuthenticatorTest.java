package dev.gatehouse.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.OAuthException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClientAuthenticatorTest {

  private final Logger log = Logger.getLogger(ClientAuthenticator.class.getName());
  private final List<String> logged = new ArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void listen() {
    log.addHandler(capture);
  }

  @AfterEach
  void stopListening() {
    log.removeHandler(capture);
  }

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

    OAuthException refused =
        assertThrows(
            OAuthException.class,
            () ->
                authenticator.authenticate(
                    new ClientCredentials(AuthMethods.NONE, forged, null, null, false), "/token"));

    assertEquals("invalid_client", refused.error().code());
    assertEquals(1, logged.size());
    String line = logged.get(0);
    assertTrue(line.contains("unknown client"), line);
    assertFalse(line.contains("\n"), line);
    assertFalse(line.contains("security: grant"), line);
    assertTrue(line.length() < 200, line);
  }
}
