package dev.gatehouse.registration;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.clients.ClientMetadata;
import dev.gatehouse.protocol.OAuthError;
import dev.gatehouse.protocol.OAuthException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** What registration and its updates cannot give a client without the operator. */
class SelfServiceLimitsTest {

  private static final ClientMetadata WEB_APP =
      metadata("{'redirect_uris':['https://app.example/cb'],'scope':'read admin'}");

  @Test
  void registrationWhenClientCredentialsThenOnlyThroughTheInitialAccessToken() {
    ClientMetadata service = service("read");

    assertRefused(() -> SelfServiceLimits.checkRegistration(service, false));
    assertDoesNotThrow(() -> SelfServiceLimits.checkRegistration(service, true));
    assertDoesNotThrow(() -> SelfServiceLimits.checkRegistration(WEB_APP, false));
  }

  @Test
  void updateWhenAddingClientCredentialsThenOnlyThroughTheInitialAccessToken() {
    ClientMetadata both =
        metadata(
            "{'redirect_uris':['https://app.example/cb'],'scope':'read',"
                + "'grant_types':['authorization_code','client_credentials']}");

    assertRefused(() -> SelfServiceLimits.checkUpdate(WEB_APP, both, false));
    assertDoesNotThrow(() -> SelfServiceLimits.checkUpdate(WEB_APP, both, true));
  }

  @Test
  void updateWhenMachineClientAddsAnApiScopeThenRefusedEvenWithTheInitialAccessToken() {
    OAuthException refused =
        assertRefused(
            () -> SelfServiceLimits.checkUpdate(service("read"), service("read admin"), true));

    assertTrue(refused.getMessage().contains("admin"), refused.getMessage());
    assertRefused(() -> SelfServiceLimits.checkUpdate(service(null), service("read"), false));
  }

  @Test
  void updateWhenMachineClientKeepsNarrowsOrAddsUserScopesThenAccepted() {
    assertDoesNotThrow(
        () -> SelfServiceLimits.checkUpdate(service("read write"), service("write read"), false));
    assertDoesNotThrow(
        () -> SelfServiceLimits.checkUpdate(service("read write"), service("read"), false));
    assertDoesNotThrow(
        () ->
            SelfServiceLimits.checkUpdate(service("read"), service("read openid profile"), false));
    assertDoesNotThrow(
        () -> SelfServiceLimits.checkUpdate(service("read"), WEB_APP, false),
        "dropping the grant: scopes are then for users to consent to");
  }

  private static ClientMetadata service(String scope) {
    return metadata(
        "{'grant_types':['client_credentials']"
            + (scope == null ? "" : ",'scope':'" + scope + "'")
            + "}");
  }

  private static ClientMetadata metadata(String json) {
    return ClientMetadataValidator.validate(ClientMetadataValidatorTest.json(json));
  }

  private static OAuthException assertRefused(Executable call) {
    OAuthException refused = assertThrows(OAuthException.class, call);
    assertEquals(OAuthError.INVALID_CLIENT_METADATA, refused.error());
    return refused;
  }
}
