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

  /**
   * An update is authorized by the client's own token, whatever the registration mode: it never
   * adds the grant, so widening the scope without it and then taking it back fails at step two.
   */
  @Test
  void updateWhenAddingClientCredentialsThenRefusedInEveryRegistrationMode() {
    ClientMetadata both =
        metadata(
            "{'redirect_uris':['https://app.example/cb'],'scope':'read admin',"
                + "'grant_types':['authorization_code','client_credentials']}");

    assertRefused(() -> SelfServiceLimits.checkUpdate(WEB_APP, both));
    assertDoesNotThrow(
        () -> SelfServiceLimits.checkUpdate(service("read"), WEB_APP),
        "step one, dropping the grant and widening the scope, is a web app's update");
    assertRefused(() -> SelfServiceLimits.checkUpdate(WEB_APP, service("read admin")));
  }

  @Test
  void updateWhenMachineClientAddsAnApiScopeThenRefused() {
    OAuthException refused =
        assertRefused(() -> SelfServiceLimits.checkUpdate(service("read"), service("read admin")));

    assertTrue(refused.getMessage().contains("admin"), refused.getMessage());
    assertRefused(() -> SelfServiceLimits.checkUpdate(service(null), service("read")));
  }

  @Test
  void updateWhenMachineClientKeepsNarrowsOrAddsUserScopesThenAccepted() {
    assertDoesNotThrow(
        () -> SelfServiceLimits.checkUpdate(service("read write"), service("write read")));
    assertDoesNotThrow(() -> SelfServiceLimits.checkUpdate(service("read write"), service("read")));
    assertDoesNotThrow(
        () -> SelfServiceLimits.checkUpdate(service("read"), service("read openid profile")));
    assertDoesNotThrow(
        () -> SelfServiceLimits.checkUpdate(service("read"), WEB_APP),
        "dropping the grant: scopes are then for users to consent to");
  }

  @Test
  void registrationWhenResourcesThenRefusedEvenWithTheInitialAccessToken() {
    ClientMetadata withResources = service("read", "'https://payments.example/'");

    assertRefused(() -> SelfServiceLimits.checkRegistration(withResources, true));
    assertRefused(() -> SelfServiceLimits.checkRegistration(withResources, false));
  }

  /**
   * A machine client's own resources list is the operator's: an update may narrow it, never add to
   * it, nor drop it (without one, every resource of oidc.token.resources is open to it).
   */
  @Test
  void updateWhenMachineClientAddsOrDropsResourcesThenRefusedNarrowingAccepted() {
    ClientMetadata two = service("read", "'https://api.example/a','https://api.example/b'");
    ClientMetadata one = service("read", "'https://api.example/a'");
    ClientMetadata other = service("read", "'https://api.example/c'");
    ClientMetadata none = service("read");

    assertDoesNotThrow(() -> SelfServiceLimits.checkUpdate(two, two));
    assertDoesNotThrow(() -> SelfServiceLimits.checkUpdate(two, one));
    assertRefused(() -> SelfServiceLimits.checkUpdate(one, two));
    assertRefused(() -> SelfServiceLimits.checkUpdate(one, other));
    assertRefused(() -> SelfServiceLimits.checkUpdate(one, none));
    assertRefused(() -> SelfServiceLimits.checkUpdate(none, one));
    assertDoesNotThrow(() -> SelfServiceLimits.checkUpdate(none, none));
  }

  private static ClientMetadata service(String scope, String resources) {
    return metadata(
        "{'grant_types':['client_credentials'],'scope':'"
            + scope
            + "','resources':["
            + resources
            + "]}");
  }

  /** RFC 7591 §5: a registrant's jwks_uri, which the server fetches, names no internal host. */
  @Test
  void registrationOrUpdateWhenJwksUriOnLoopbackOrPrivateHostThenRefused() {
    for (String uri :
        new String[] {
          "http://localhost:8080/jwks",
          "http://127.0.0.1:8080/jwks",
          "https://10.0.0.7/jwks",
          "https://169.254.169.254/latest/meta-data/",
          "https://[::1]/jwks"
        }) {
      ClientMetadata keysInside = withJwksUri(uri);

      assertTrue(
          assertRefused(() -> SelfServiceLimits.checkRegistration(keysInside, true))
              .description()
              .contains("public host"),
          uri);
      assertRefused(() -> SelfServiceLimits.checkUpdate(WEB_APP, keysInside));
    }
    ClientMetadata keysOutside = withJwksUri("https://keys.app.example/jwks");
    assertDoesNotThrow(() -> SelfServiceLimits.checkRegistration(keysOutside, false));
    assertDoesNotThrow(() -> SelfServiceLimits.checkUpdate(WEB_APP, keysOutside));
  }

  private static ClientMetadata withJwksUri(String uri) {
    return metadata(
        "{'redirect_uris':['https://app.example/cb'],'token_endpoint_auth_method':'private_key_jwt',"
            + "'jwks_uri':'"
            + uri
            + "'}");
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
