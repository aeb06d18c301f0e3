package dev.gatehouse.resourceserver;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where a protected API may fetch a trusted issuer's discovery document and keys from. */
class IssuerTrustTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://id.example.com",
        "https://tenant.auth0.example/",
        "https://id.example.com/realms/a/protocol/openid-connect/certs",
        "http://localhost:8080",
        "http://127.0.0.1:9999/jwks",
        "http://127.0.0.42",
        "http://[::1]:8080"
      })
  void secureLocationWhenHttpsOrLoopbackHttpThenTrue(String location) {
    assertTrue(IssuerTrust.secureLocation(location));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://id.example.com",
        "http://10.0.0.5/jwks",
        "http://127.0.0.1.evil.example/",
        "ftp://id.example.com",
        "https:///no-host",
        "not a uri",
        ""
      })
  void secureLocationWhenPlainHttpElsewhereOrNoUrlThenFalse(String location) {
    assertFalse(IssuerTrust.secureLocation(location));
  }
}
