package dev.gatehouse.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.clients.AuthenticatedClient;
import dev.gatehouse.clients.ClientMetadata;
import dev.gatehouse.protocol.OAuthError;
import dev.gatehouse.protocol.OAuthException;
import jakarta.json.Json;
import jakarta.ws.rs.core.MultivaluedHashMap;
import org.junit.jupiter.api.Test;

/** The scope of a client_credentials token: the client's registered API scopes, never user ones. */
class ClientCredentialsGrantTest {

  @Test
  void scopeWhenNoneRequestedThenRegisteredScopesWithoutUserScopes() {
    assertEquals(
        "read write",
        ClientCredentialsGrant.scope(null, "openid read profile email offline_access write"));
    assertEquals("", ClientCredentialsGrant.scope(null, null), "nothing registered, nothing given");
  }

  @Test
  void scopeWhenNotScopeTokensOrOnlySpacesThenInvalidScope() {
    for (String bad :
        new String[] {
          " ", "   ", "read\u0000", "read\twrite", "re\"ad", "re\\ad", "réad", "read\n"
        }) {
      OAuthException refused =
          assertThrows(
              OAuthException.class, () -> ClientCredentialsGrant.scope(bad, "read write"), bad);
      assertEquals(OAuthError.INVALID_SCOPE, refused.error(), bad);
    }
  }

  @Test
  void scopeWhenSpacesAroundOrBetweenThenForgiven() {
    assertEquals("read write", ClientCredentialsGrant.scope("  read   write ", "read write"));
  }

  @Test
  void scopeWhenSubsetRequestedThenThatSubset() {
    assertEquals("write", ClientCredentialsGrant.scope("write", "read write"));
  }

  @Test
  void scopeWhenScopesRepeatedThenEachOnce() {
    String repeated = ("read " + "write ").repeat(450);

    assertEquals("read write", ClientCredentialsGrant.scope(repeated, "read write"));
  }

  @Test
  void scopeWhenUserScopeRequestedThenInvalidScopeEvenIfRegistered() {
    for (String user :
        new String[] {"openid", "profile", "email", "address", "phone", "offline_access"}) {
      OAuthException refused =
          assertThrows(
              OAuthException.class,
              () -> ClientCredentialsGrant.scope("read " + user, "read " + user));
      assertEquals(OAuthError.INVALID_SCOPE, refused.error(), user);
    }
    OAuthException alone =
        assertThrows(
            OAuthException.class,
            () -> ClientCredentialsGrant.scope("offline_access", "offline_access"));
    assertEquals(OAuthError.INVALID_SCOPE, alone.error());
  }

  @Test
  void scopeWhenUnregisteredScopeRequestedThenInvalidScope() {
    OAuthException refused =
        assertThrows(OAuthException.class, () -> ClientCredentialsGrant.scope("admin", "read"));

    assertEquals(OAuthError.INVALID_SCOPE, refused.error());
  }

  /** RFC 6749 §5.2: a public client that authenticated is unauthorized for the grant. */
  @Test
  void handleWhenPublicClientThenUnauthorizedClient() {
    // Stored metadata is read as trusted: such a client can only come from outside registration.
    var publicClient =
        new AuthenticatedClient(
            "spa",
            "none",
            ClientMetadata.fromJson(
                Json.createObjectBuilder()
                    .add("grant_types", Json.createArrayBuilder().add("client_credentials"))
                    .add("scope", "read")
                    .add("token_endpoint_auth_method", "none")
                    .add("application_type", "web")
                    .add("id_token_signed_response_alg", "RS256")
                    .build()));

    OAuthException e =
        assertThrows(
            OAuthException.class,
            () ->
                new ClientCredentialsGrant()
                    .handle(new TokenRequest(publicClient, new MultivaluedHashMap<>())));

    assertEquals(OAuthError.UNAUTHORIZED_CLIENT, e.error());
  }
}
