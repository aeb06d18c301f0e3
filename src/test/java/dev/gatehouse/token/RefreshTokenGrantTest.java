package dev.gatehouse.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.accounts.Account;
import dev.gatehouse.accounts.AccountService;
import dev.gatehouse.clients.AuthenticatedClient;
import dev.gatehouse.config.TokenSettings;
import dev.gatehouse.protocol.OAuthError;
import dev.gatehouse.protocol.OAuthException;
import dev.gatehouse.testing.AuthenticatedClients;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Rotation, reuse detection and the optional retry grace window of the refresh_token grant, with
 * in-memory stand-ins for storage and issuance (the container tests cover the real ones).
 */
class RefreshTokenGrantTest {

  static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");
  static final String CLIENT = "client-1";

  private final Tokens tokens = new Tokens();
  private final List<String> revoked = new ArrayList<>();
  private final List<String> revokedAccessTokens = new ArrayList<>();
  private final Map<String, Grant> families = new HashMap<>();
  private final List<Optional<String>> rotatedFamilies = new ArrayList<>();
  private Instant now = T0;
  private Duration maxLifetime = Duration.ofDays(90);

  @Test
  void refreshWhenUsedThenRotatedAndOldTokenConsumed() {
    RefreshTokenGrant grant = grant(Duration.ZERO);
    tokens.add("r1", null);

    TokenResponse response = grant.handle(request("r1"));

    assertEquals("r2", response.refreshToken());
    assertTrue(tokens.get("r1").isConsumed());
    assertEquals(List.of(), revoked);
  }

  @Test
  void refreshWhenGraceOffAndRotatedTokenReusedThenGrantRevoked() {
    RefreshTokenGrant grant = grant(Duration.ZERO);
    tokens.add("r1", null);
    grant.handle(request("r1"));
    now = T0.plusSeconds(1);

    OAuthException reuse = assertThrows(OAuthException.class, () -> grant.handle(request("r1")));

    assertEquals(OAuthError.INVALID_GRANT, reuse.error());
    assertEquals(List.of("grant-1"), revoked);
  }

  @Test
  void refreshWhenRetriedWithinGraceThenFreshTokensAndLostSuccessorWithdrawn() {
    RefreshTokenGrant grant = grant(Duration.ofSeconds(10));
    tokens.add("r1", null);
    grant.handle(request("r1")); // r2: the response that was lost
    now = T0.plusSeconds(5);

    TokenResponse retry = grant.handle(request("r1"));

    assertEquals("r3", retry.refreshToken());
    assertEquals(List.of(), revoked, "a retry within the window is no reuse");
    assertTrue(tokens.get("r2").isConsumed(), "the lost successor no longer works");
    assertEquals(List.of("access-for-r2"), revokedAccessTokens, "nor its access token");
    assertThrows(OAuthException.class, () -> grant.handle(request("r2")));
    assertEquals(List.of("grant-1"), revoked, "presenting the withdrawn token is a reuse");
  }

  @Test
  void refreshWhenRetriedTwiceWithinGraceThenSecondRetryRevokesGrant() {
    RefreshTokenGrant grant = grant(Duration.ofSeconds(10));
    tokens.add("r1", null);
    grant.handle(request("r1"));
    now = T0.plusSeconds(2);
    grant.handle(request("r1"));
    now = T0.plusSeconds(4);

    assertThrows(OAuthException.class, () -> grant.handle(request("r1")));

    assertEquals(List.of("grant-1"), revoked, "one retry only");
  }

  @Test
  void refreshWhenPastItsLifetimeThenInvalidGrantWithoutRevocation() {
    RefreshTokenGrant grant = grant(Duration.ZERO);
    tokens.add("r1", null);
    now = T0.plus(Duration.ofDays(30));

    OAuthException expired = assertThrows(OAuthException.class, () -> grant.handle(request("r1")));

    assertEquals(OAuthError.INVALID_GRANT, expired.error());
    assertTrue(expired.description().contains("expired"), expired.description());
    assertEquals(List.of(), revoked, "expiry is no reuse");
  }

  @Test
  void refreshWhenAbsoluteLifetimeShortenedBelowTheSignInsAgeThenInvalidGrantWithoutRevocation() {
    RefreshTokenGrant grant = grant(Duration.ZERO);
    tokens.add("r1", null); // expires T0 + 30 days, issued under a longer absolute lifetime
    maxLifetime = Duration.ofDays(10); // the operator shortened it since
    now = T0.plus(Duration.ofDays(11));

    OAuthException ended = assertThrows(OAuthException.class, () -> grant.handle(request("r1")));

    assertEquals(OAuthError.INVALID_GRANT, ended.error());
    assertTrue(ended.description().contains("expired"), ended.description());
    assertEquals(List.of(), revoked, "an ended lifetime is no reuse");
    tokens.add("fresh", null);
    now = T0.plus(Duration.ofDays(9));
    assertNotNull(grant.handle(request("fresh")).refreshToken(), "within it, refreshed");
  }

  @Test
  void refreshWhenRotatedTokenPurgedWhileBeingPresentedThenInvalidGrant() {
    RefreshTokenGrant grant = grant(Duration.ZERO);
    tokens.add("r1", null);
    grant.handle(request("r1"));
    grant.refreshTokens = purgedOnceFound();

    OAuthException gone = assertThrows(OAuthException.class, () -> grant.handle(request("r1")));

    assertEquals(OAuthError.INVALID_GRANT, gone.error());
    assertEquals(
        List.of(), revoked, "nothing to revoke: the row is gone and the token names no family");
  }

  @Test
  void refreshWhenRotatedTokenOfLiveFamilyPurgedWhileBeingPresentedThenGrantStillRevoked() {
    RefreshTokenGrant grant = grant(Duration.ZERO);
    String family = RefreshTokenValue.newFamily();
    families.put(RefreshTokenValue.hash(family), liveGrant("grant-1", CLIENT));
    String first = RefreshTokenValue.issue(family, null);
    tokens.add(first, null);
    grant.handle(request(first));
    // The purge takes rotated rows of live chains after the retention, even mid-request.
    grant.refreshTokens = purgedOnceFound();

    OAuthException reuse = assertThrows(OAuthException.class, () -> grant.handle(request(first)));

    assertEquals(OAuthError.INVALID_GRANT, reuse.error());
    assertEquals(List.of("grant-1"), revoked, "the family told the reuse the row no longer could");
  }

  @Test
  void refreshWhenPresentedByAnotherClientThenInvalidGrantAndTokenNotConsumed() {
    RefreshTokenGrant grant = grant(Duration.ZERO);
    tokens.add("r1", null);

    OAuthException stolen =
        assertThrows(OAuthException.class, () -> grant.handle(request("r1", "client-2")));

    assertEquals(OAuthError.INVALID_GRANT, stolen.error());
    assertEquals(
        "The refresh token is invalid or was already used",
        stolen.description(),
        "as for an unknown token");
    assertEquals(List.of(), revoked);
    assertFalse(tokens.get("r1").isConsumed(), "the holder can still use it");
  }

  @Test
  void refreshWhenRetriedAfterGraceThenGrantRevoked() {
    RefreshTokenGrant grant = grant(Duration.ofSeconds(10));
    tokens.add("r1", null);
    grant.handle(request("r1"));
    now = T0.plusSeconds(11);

    assertThrows(OAuthException.class, () -> grant.handle(request("r1")));

    assertEquals(List.of("grant-1"), revoked);
  }

  @Test
  void refreshWhenSuccessorAlreadyUsedThenReuseRevokesEvenWithinGrace() {
    RefreshTokenGrant grant = grant(Duration.ofSeconds(10));
    tokens.add("r1", null);
    grant.handle(request("r1"));
    now = T0.plusSeconds(1);
    grant.handle(request("r2")); // the successor arrived and was used: r1 did not get lost
    now = T0.plusSeconds(2);

    assertThrows(OAuthException.class, () -> grant.handle(request("r1")));

    assertEquals(List.of("grant-1"), revoked);
  }

  @Test
  void refreshWhenUnknownTokenThenInvalidGrantAndNothingRevoked() {
    RefreshTokenGrant grant = grant(Duration.ofSeconds(10));

    OAuthException unknown = assertThrows(OAuthException.class, () -> grant.handle(request("x")));

    assertEquals(OAuthError.INVALID_GRANT, unknown.error());
    assertEquals(List.of(), revoked);
  }

  @Test
  void refreshWhenTokenOfFamilyRotatedThenTheNewTokenContinuesThatFamily() {
    RefreshTokenGrant grant = grant(Duration.ZERO);
    String family = RefreshTokenValue.newFamily();
    String token = RefreshTokenValue.issue(family, null);
    tokens.add(token, null);
    tokens.add("legacy", null);

    grant.handle(request(token));
    grant.handle(request("legacy"));

    assertEquals(List.of(Optional.of(family), Optional.empty()), rotatedFamilies);
  }

  @Test
  void refreshWhenRotatedTokensRowPurgedButItsFamilyNamesALiveChainThenGrantRevoked() {
    RefreshTokenGrant grant = grant(Duration.ofSeconds(10));
    String family = RefreshTokenValue.newFamily();
    families.put(RefreshTokenValue.hash(family), liveGrant("grant-7", CLIENT));

    OAuthException reuse =
        assertThrows(
            OAuthException.class,
            () -> grant.handle(request(RefreshTokenValue.issue(family, null))));

    assertEquals(OAuthError.INVALID_GRANT, reuse.error());
    assertEquals(List.of("grant-7"), revoked, "a reuse, as while its row lasted");
  }

  @Test
  void refreshWhenRowlessTokenCarriesItsFamilysMacThenReuseRevokesTheGrant() {
    RefreshTokenGrant grant = grant(Duration.ZERO);
    String family = RefreshTokenValue.newFamily();
    String key = keyedFamily(family, "grant-8");

    assertThrows(
        OAuthException.class, () -> grant.handle(request(RefreshTokenValue.issue(family, key))));

    assertEquals(List.of("grant-8"), revoked, "issued under the family's key: a reuse");
  }

  @Test
  void refreshWhenRowlessValueOnlyBeginsWithALiveFamilyThenInvalidGrantAndNothingRevoked() {
    RefreshTokenGrant grant = grant(Duration.ZERO);
    String family = RefreshTokenValue.newFamily();
    String key = keyedFamily(family, "grant-9");
    String real = RefreshTokenValue.issue(family, key);

    for (String value :
        List.of(
            family + ".x",
            family + "." + "A".repeat(54),
            real.substring(0, real.length() - 3),
            RefreshTokenValue.issue(family, RefreshTokenValue.newFamilyKey()))) {
      OAuthException refused =
          assertThrows(OAuthException.class, () -> grant.handle(request(value)), value);
      assertEquals(OAuthError.INVALID_GRANT, refused.error());
    }
    assertEquals(List.of(), revoked, "cut short or made up: no proof of a token ever issued");
  }

  @Test
  void refreshWhenRowlessTokenOfAnotherClientsRevokedOrEndedFamilyThenNothingRevoked() {
    RefreshTokenGrant grant = grant(Duration.ZERO);
    String otherClients = RefreshTokenValue.newFamily();
    families.put(RefreshTokenValue.hash(otherClients), liveGrant("other", "client-2"));
    String ended = RefreshTokenValue.newFamily();
    // Its last refresh token expired at T0 (its row purged, the grant not yet).
    families.put(
        RefreshTokenValue.hash(ended),
        new Grant("ended", "sub", CLIENT, "openid offline_access", T0, null, T0));
    String revokedFamily = RefreshTokenValue.newFamily();
    Grant revokedGrant = liveGrant("revoked", CLIENT);
    setField(revokedGrant, "revokedAt", T0);
    families.put(RefreshTokenValue.hash(revokedFamily), revokedGrant);
    String unknownFamily = RefreshTokenValue.newFamily();

    for (String family : List.of(otherClients, ended, revokedFamily, unknownFamily)) {
      OAuthException refused =
          assertThrows(
              OAuthException.class,
              () -> grant.handle(request(RefreshTokenValue.issue(family, null))));
      assertEquals(OAuthError.INVALID_GRANT, refused.error());
    }
    assertEquals(List.of(), revoked);
  }

  @Test
  void refreshWhenScopeWidenedThenInvalidScope() {
    RefreshTokenGrant grant = grant(Duration.ZERO);
    tokens.add("r1", null);
    MultivaluedHashMap<String, String> form = form("r1");
    form.add("scope", "openid phone");

    OAuthException wider =
        assertThrows(
            OAuthException.class, () -> grant.handle(new TokenRequest(client(CLIENT), form)));

    assertEquals(OAuthError.INVALID_SCOPE, wider.error());
  }

  @Test
  void refreshWhenScopeIsOnlySpacesOrHoldsANulThenInvalidScope() {
    for (String bad : new String[] {" ", "openid\u0000", "openid\u0000 phone"}) {
      RefreshTokenGrant grant = grant(Duration.ZERO);
      tokens.add("r-" + bad.length(), null);
      MultivaluedHashMap<String, String> form = form("r-" + bad.length());
      form.add("scope", bad);

      OAuthException refused =
          assertThrows(
              OAuthException.class, () -> grant.handle(new TokenRequest(client(CLIENT), form)));

      assertEquals(OAuthError.INVALID_SCOPE, refused.error(), bad);
    }
  }

  @Test
  void refreshWhenNarrowedScopeHasRepeatsThenEachScopeOnce() {
    RefreshTokenGrant grant = grant(Duration.ZERO);
    tokens.add("r1", null);
    MultivaluedHashMap<String, String> form = form("r1");
    form.add("scope", " openid  openid openid ");

    TokenResponse response = grant.handle(new TokenRequest(client(CLIENT), form));

    assertEquals("openid", response.scope());
  }

  /** The stored tokens, each deleted (as by the purge) right after it is found. */
  private RefreshTokenRepository purgedOnceFound() {
    return new RefreshTokenRepository() {
      @Override
      public Optional<RefreshToken> find(String token) {
        Optional<RefreshToken> found = tokens.find(token);
        tokens.purge(token);
        return found;
      }

      @Override
      boolean consume(String token, Instant at) {
        return tokens.consume(token, at);
      }

      @Override
      Optional<RefreshToken> reload(RefreshToken token) {
        return tokens.reload(token);
      }
    };
  }

  /** A live grant of the client whose family has a MAC key (as since V14); returns the key. */
  private String keyedFamily(String family, String grantId) {
    String key = RefreshTokenValue.newFamilyKey();
    Grant keyed = liveGrant(grantId, CLIENT);
    setField(keyed, "refreshFamilyKey", key);
    families.put(RefreshTokenValue.hash(family), keyed);
    return key;
  }

  /** A grant whose refresh chain lives for 30 more days. */
  private static Grant liveGrant(String id, String clientId) {
    Grant grant = new Grant(id, "sub", clientId, "openid offline_access", T0, null, T0);
    setField(grant, "expiresAt", T0.plus(Duration.ofDays(30)));
    return grant;
  }

  private static void setField(Grant grant, String name, Object value) {
    try {
      var field = Grant.class.getDeclaredField(name);
      field.setAccessible(true);
      field.set(grant, value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private RefreshTokenGrant grant(Duration grace) {
    RefreshTokenGrant grant = new RefreshTokenGrant();
    grant.refreshTokens = tokens;
    grant.accessTokens =
        new AccessTokenRepository() {
          @Override
          public void revoke(String jti, Instant at) {
            revokedAccessTokens.add(jti);
          }
        };
    grant.grants =
        new GrantRepository() {
          @Override
          public Optional<Grant> find(String id) {
            return Optional.of(new Grant(id, "sub", CLIENT, "openid offline_access", T0, null, T0));
          }

          @Override
          public Optional<Grant> findByRefreshFamily(String familyHash) {
            return Optional.ofNullable(families.get(familyHash));
          }
        };
    grant.revocation =
        new GrantRevocation() {
          @Override
          OAuthException revoke(String grantId, String why, String description) {
            revoked.add(grantId);
            return OAuthException.invalidGrant(description);
          }
        };
    grant.accounts =
        new AccountService() {
          @Override
          public Optional<Account> find(String subject) {
            return Optional.of(new Account() {});
          }
        };
    grant.issuer =
        new TokenIssuer() {
          @Override
          TokenResponse issue(Issuance issuance, Instant at) {
            rotatedFamilies.add(issuance.rotation().family());
            String next = tokens.add("r" + (tokens.size() + 1), issuance.rotation().replaced());
            return new TokenResponse("access", 300, issuance.accessScope(), null, next);
          }
        };
    grant.settings =
        new TokenSettings() {
          @Override
          public Duration refreshTokenReuseGrace() {
            return grace;
          }

          @Override
          public Duration refreshTokenMaxLifetime() {
            return maxLifetime;
          }
        };
    grant.clock =
        new Clock() {
          @Override
          public Instant instant() {
            return now;
          }

          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }
        };
    return grant;
  }

  private static TokenRequest request(String refreshToken) {
    return request(refreshToken, CLIENT);
  }

  private static TokenRequest request(String refreshToken, String clientId) {
    return new TokenRequest(client(clientId), form(refreshToken));
  }

  private static MultivaluedHashMap<String, String> form(String refreshToken) {
    MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
    form.add("grant_type", "refresh_token");
    form.add("refresh_token", refreshToken);
    return form;
  }

  private static AuthenticatedClient client(String clientId) {
    return AuthenticatedClients.basic(
        clientId, List.of("authorization_code", "refresh_token"), null);
  }

  /** Refresh tokens in memory, keyed by their value; consumption and retries as in SQL. */
  static final class Tokens extends RefreshTokenRepository {

    private final Map<String, Stored> byValue = new HashMap<>();

    String add(String value, RefreshToken parent) {
      byValue.put(value, new Stored(value, parent == null ? null : ((Stored) parent).value));
      return value;
    }

    int size() {
      return byValue.size();
    }

    Stored get(String value) {
      return byValue.get(value);
    }

    @Override
    public Optional<RefreshToken> find(String token) {
      return Optional.ofNullable(byValue.get(token));
    }

    @Override
    boolean consume(String token, Instant at) {
      Stored stored = byValue.get(token);
      if (stored == null || stored.consumed != null) {
        return false;
      }
      stored.consumed = at;
      return true;
    }

    /** In memory the token is always current; empty once it was removed (purged). */
    @Override
    Optional<RefreshToken> reload(RefreshToken token) {
      return byValue.containsValue(token) ? Optional.of(token) : Optional.empty();
    }

    void purge(String value) {
      byValue.remove(value);
    }

    @Override
    boolean markRetried(RefreshToken rotated, Instant at) {
      Stored stored = (Stored) rotated;
      if (stored.retried != null) {
        return false;
      }
      stored.retried = at;
      return true;
    }

    @Override
    Optional<RefreshToken> withdrawSuccessor(RefreshToken rotated, Instant at) {
      return byValue.values().stream()
          .filter(child -> ((Stored) rotated).value.equals(child.parent))
          .filter(child -> consume(child.value, at))
          .map(RefreshToken.class::cast)
          .findFirst();
    }
  }

  /** A stored refresh token whose state the fake repository records. */
  static final class Stored extends RefreshToken {

    final String value;
    final String parent;
    Instant consumed;
    Instant retried;

    Stored(String value, String parent) {
      super(value, "grant-1", CLIENT, "openid offline_access", T0, T0.plus(Duration.ofDays(30)));
      this.value = value;
      this.parent = parent;
    }

    @Override
    Instant consumedAt() {
      return consumed;
    }

    @Override
    public boolean isConsumed() {
      return consumed != null;
    }

    @Override
    String accessTokenJti() {
      return "access-for-" + value;
    }
  }
}
