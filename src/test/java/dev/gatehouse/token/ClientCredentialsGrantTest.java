package dev.gatehouse.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.protocol.OAuthError;
import dev.gatehouse.protocol.OAuthException;
import org.junit.jupiter.api.Test;

/** The scope of a client_credentials token: the client's registered API scopes, never user ones. */
class ClientCredentialsGrantTest {

  @Test
  void scopeWhenNoneRequestedThenRegisteredScopesWithoutUserScopes() {
    assertEquals(
        "read write",
        ClientCredentialsGrant.scope(null, "openid read profile email offline_access write"));
    assertEquals("", ClientCredentialsGrant.scope(" ", null), "nothing registered, nothing given");
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
    for (String user : new String[] {"openid", "profile", "email", "address", "phone"}) {
      OAuthException refused =
          assertThrows(
              OAuthException.class,
              () -> ClientCredentialsGrant.scope("read " + user, "read " + user));
      assertEquals(OAuthError.INVALID_SCOPE, refused.error(), user);
    }
    assertThrows(
        OAuthException.class,
        () -> ClientCredentialsGrant.scope("offline_access", "offline_access"));
  }

  @Test
  void scopeWhenUnregisteredScopeRequestedThenInvalidScope() {
    OAuthException refused =
        assertThrows(OAuthException.class, () -> ClientCredentialsGrant.scope("admin", "read"));

    assertEquals(OAuthError.INVALID_SCOPE, refused.error());
  }
}
