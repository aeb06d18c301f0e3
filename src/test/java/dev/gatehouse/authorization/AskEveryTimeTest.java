package dev.gatehouse.authorization;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.clients.ClientMetadata;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When a remembered consent may not skip the consent page (RFC 8252 §8.6, OIDC Core §11). */
class AskEveryTimeTest {

  private static final List<String> OFFLINE = List.of("openid", "offline_access");
  private static final List<String> ONLINE = List.of("openid", "profile");

  @Test
  void askEveryTimeWhenPublicClientRedirectsElsewhereThanHttpsThenTrue() {
    ClientMetadata spa = client("web", "none");

    assertTrue(AuthorizationRequestValidator.askEveryTime(spa, "http://127.0.0.1:8080/cb", ONLINE));
    assertTrue(AuthorizationRequestValidator.askEveryTime(spa, "com.example.app:/cb", ONLINE));
    assertFalse(AuthorizationRequestValidator.askEveryTime(spa, "https://app.example/cb", ONLINE));
    assertFalse(
        AuthorizationRequestValidator.askEveryTime(
            client("web", "client_secret_basic"), "http://127.0.0.1:8080/cb", OFFLINE),
        "a confidential web client proves who it is");
  }

  @Test
  void askEveryTimeWhenNativeClientAsksForOfflineAccessThenTrue() {
    ClientMetadata nativeApp = client("native", "client_secret_basic");

    assertTrue(
        AuthorizationRequestValidator.askEveryTime(nativeApp, "com.example.app:/cb", OFFLINE));
    assertFalse(
        AuthorizationRequestValidator.askEveryTime(nativeApp, "com.example.app:/cb", ONLINE),
        "without offline_access a remembered consent serves");
    assertFalse(
        AuthorizationRequestValidator.askEveryTime(
            client("web", "client_secret_basic"), "https://app.example/cb", OFFLINE),
        "a web client's remembered consent to offline access serves (OIDC Core §11)");
  }

  private static ClientMetadata client(String applicationType, String authMethod) {
    return new ClientMetadata(
        List.of("https://app.example/cb"),
        List.of(),
        "App",
        List.of("authorization_code", "refresh_token"),
        List.of("code"),
        null,
        authMethod,
        null,
        null,
        applicationType,
        List.of(),
        Map.of(),
        "RS256",
        "rfc9068",
        List.of(),
        null);
  }
}
