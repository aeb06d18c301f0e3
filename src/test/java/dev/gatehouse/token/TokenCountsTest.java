package dev.gatehouse.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TokenCountsTest {

  @Test
  void issuedWhenServedGrantTypesThenCountedEachAlone() {
    TokenCounts counts = new TokenCounts();

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
    TokenCounts counts = new TokenCounts();

    counts.issued("urn:ietf:params:oauth:grant-type:jwt-bearer");
    counts.issued(null);

    TokenCounts.GRANT_TYPES.forEach(type -> assertEquals(0, counts.issuedFor(type), type));
  }

  @Test
  void replayRevokedGrantThenCounted() {
    TokenCounts counts = new TokenCounts();

    counts.replayRevokedGrant();

    assertEquals(1, counts.replayRevocations());
  }
}
