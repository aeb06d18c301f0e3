package dev.gatehouse.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TokenCountsTest {

  @Test
  void issuedWhenServedGrantTypesThenCountedEachAlone() {
    TokenCounts counts = served();

    counts.issued("client_credentials");
    counts.issued("client_credentials");
    counts.issued("refresh_token");

    assertEquals(2, counts.issuedFor("client_credentials"));
    assertEquals(1, counts.issuedFor("refresh_token"));
    assertEquals(0, counts.issuedFor("authorization_code"));
  }

  /** A client names the grant type: no name outside the served set makes a new series. */
  @Test
  void issuedWhenUnknownOrMissingGrantTypeThenNothingCounted() {
    TokenCounts counts = served();

    counts.issued("urn:ietf:params:oauth:grant-type:jwt-bearer");
    counts.issued(null);

    counts.grantTypes().forEach(type -> assertEquals(0, counts.issuedFor(type), type));
    assertEquals(
        java.util.List.of("authorization_code", "client_credentials", "refresh_token"),
        counts.grantTypes(),
        "no series for the unknown name");
  }

  @Test
  void replayRevokedGrantThenCounted() {
    TokenCounts counts = served();

    counts.replayRevokedGrant();

    assertEquals(1, counts.replayRevocations());
  }

  /** Counts as for the endpoint's three handlers. */
  private static TokenCounts served() {
    TokenCounts counts = new TokenCounts();
    counts.countFor(java.util.List.of("authorization_code", "refresh_token", "client_credentials"));
    return counts;
  }
}
