package dev.gatehouse.persistence;

import static dev.gatehouse.testing.AsClient.refresh;
import static dev.gatehouse.testing.AsClient.revoke;
import static dev.gatehouse.testing.TestServer.json;
import static dev.gatehouse.testing.TestServer.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.nimbusds.jwt.SignedJWT;
import dev.gatehouse.testing.SignIn;
import dev.gatehouse.testing.TestAccounts;
import dev.gatehouse.testing.TestClients;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The purge job as it runs in the server: a timer (every 2 s in the container tests, batches of 2
 * rows) deletes what real flows created once it is older than the retention (1 day). Rows are moved
 * into the past by a test-only endpoint; nothing here calls the purge directly.
 */
public interface PurgeContract {

  Duration WAIT = Duration.ofSeconds(60);

  @Test
  default void purgeWhenGrantExpiredBeyondRetentionThenTimerDeletesItAndAllItsRows()
      throws Exception {
    JsonObject client = TestClients.register(TestClients.withRefresh());
    try (SignIn.Session session =
        SignIn.session(client, TestAccounts.alice(), "openid offline_access")) {
      JsonObject first = session.tokens();
      JsonObject second = json(refresh(client, first.getString("refresh_token"), null));
      JsonObject third = json(refresh(client, second.getString("refresh_token"), null));
      String live = grantOf(session.tokens(), Duration.ZERO);
      JsonObject liveRows = rows(live);
      assertEquals(rows(1, 1, 3, 3), rows(grantOf(third, Duration.ZERO)));

      // Past the 30-day refresh-token lifetime and the 1-day retention: everything may go.
      String expired = grantOf(third, Duration.ofDays(32));

      awaitRows(expired, rows(0, 0, 0, 0));
      assertEquals(liveRows, rows(live), "a live grant keeps all its rows");
      assertEquals(rows(1, 1, 1, 1), liveRows);
      assertEquals(
          "invalid_grant",
          json(refresh(client, third.getString("refresh_token"), null)).getString("error"));
    }
  }

  @Test
  default void purgeWhenGrantRevokedBeyondRetentionThenDeletedButRecentlyRevokedKept()
      throws Exception {
    JsonObject client = TestClients.register(TestClients.withRefresh());
    try (SignIn.Session session =
        SignIn.session(client, TestAccounts.alice(), "openid offline_access")) {
      JsonObject old = session.tokens();
      JsonObject recent = session.tokens();
      revoke(client, old.getString("refresh_token"), null).close();
      revoke(client, recent.getString("refresh_token"), null).close();
      String recentGrant = grantOf(recent, Duration.ZERO);

      String oldGrant = ageRevocation(old, Duration.ofDays(2));

      awaitRows(oldGrant, rows(0, 0, 0, 0));
      assertEquals(
          rows(1, 1, 1, 1), rows(recentGrant), "kept for oidc.cleanup.retention after revocation");
    }
  }

  @Test
  default void purgeWhenSessionExpiredBeyondRetentionThenDeletedOthersKept() throws Exception {
    JsonObject client = TestClients.register(TestClients.withRefresh());
    String expired;
    String active;
    try (SignIn.Session one = SignIn.session(client, TestAccounts.alice(), "openid");
        SignIn.Session two = SignIn.session(client, TestAccounts.alice(), "openid")) {
      expired = sid(one.tokens());
      active = sid(two.tokens());
    }

    request("/test-only/db/age-session")
        .post(Entity.form(new Form("sid", expired).param("by", Duration.ofDays(3).toString())))
        .close();

    await(() -> sessionRows(expired) == 0, "the expired session is purged");
    assertEquals(1, sessionRows(active));
  }

  private static JsonObject rows(int grant, int codes, int accessTokens, int refreshTokens) {
    return Json.createObjectBuilder()
        .add("grant", grant)
        .add("codes", codes)
        .add("access_tokens", accessTokens)
        .add("refresh_tokens", refreshTokens)
        .build();
  }

  private static JsonObject rows(String grantId) {
    return json(request("/test-only/db/grant/" + grantId).get());
  }

  private static void awaitRows(String grantId, JsonObject expected) {
    await(() -> expected.equals(rows(grantId)), "grant " + grantId + " rows " + expected);
  }

  private static void await(Supplier<Boolean> condition, String what) {
    Instant deadline = Instant.now().plus(WAIT);
    while (!condition.get()) {
      if (Instant.now().isAfter(deadline)) {
        fail("not within " + WAIT + ": " + what);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted");
      }
    }
  }

  /** The grant of a token response, moved {@code by} into the past (test-only endpoint). */
  private static String grantOf(JsonObject tokens, Duration by) throws Exception {
    return age(tokens, new Form("by", by.toString()));
  }

  private static String ageRevocation(JsonObject tokens, Duration by) throws Exception {
    return age(tokens, new Form("by", by.toString()).param("only", "revocation"));
  }

  private static String age(JsonObject tokens, Form form) throws Exception {
    String jti = SignedJWT.parse(tokens.getString("access_token")).getJWTClaimsSet().getJWTID();
    return request("/test-only/db/age-grant")
        .post(Entity.form(form.param("jti", jti)))
        .readEntity(String.class);
  }

  private static String sid(JsonObject tokens) throws Exception {
    return SignedJWT.parse(tokens.getString("id_token")).getJWTClaimsSet().getStringClaim("sid");
  }

  private static long sessionRows(String sid) {
    return Long.parseLong(request("/test-only/db/session/" + sid).get().readEntity(String.class));
  }
}
