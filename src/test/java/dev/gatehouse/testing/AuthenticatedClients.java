package dev.gatehouse.testing;

import dev.gatehouse.clients.AuthenticatedClient;
import dev.gatehouse.clients.ClientMetadata;
import java.util.List;
import java.util.Map;

/** Authenticated confidential clients for unit tests (no registration, no container). */
public final class AuthenticatedClients {

  private AuthenticatedClients() {}

  /**
   * A client_secret_basic client with these grant types and registered scope (null: none); one
   * redirect URI and the code response type when it uses the authorization code grant.
   */
  public static AuthenticatedClient basic(String clientId, List<String> grantTypes, String scope) {
    boolean code = grantTypes.contains("authorization_code");
    return new AuthenticatedClient(
        clientId,
        "client_secret_basic",
        new ClientMetadata(
            code ? List.of("https://app.example/cb") : List.of(),
            List.of(),
            null,
            grantTypes,
            code ? List.of("code") : List.of(),
            scope,
            "client_secret_basic",
            null,
            null,
            "web",
            List.of(),
            Map.of(),
            "RS256",
            "rfc9068",
            List.of(),
            null));
  }
}
