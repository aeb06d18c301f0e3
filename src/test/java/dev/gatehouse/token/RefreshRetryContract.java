package dev.gatehouse.token;

import static dev.gatehouse.testing.AsClient.introspect;
import static dev.gatehouse.testing.AsClient.refresh;
import static dev.gatehouse.testing.AsClient.userInfo;
import static dev.gatehouse.testing.TestServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import dev.gatehouse.testing.AdjustedSettings;
import dev.gatehouse.testing.PastRows;
import dev.gatehouse.testing.SignIn;
import dev.gatehouse.testing.TestAccounts;
import dev.gatehouse.testing.TestClients;
import dev.gatehouse.testing.Together;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The refresh-token retry grace window ({@code oidc.token.refresh-token-reuse-grace}) over HTTP, on
 * the real database: off in the server under test, switched on by each test for its own duration.
 */
public interface RefreshRetryContract {

  @Test
  default void refreshRetryWhenWithinGraceThenFreshTokensAndTheLostSuccessorWithdrawn()
      throws Throwable {
    withGrace(
        Duration.ofMinutes(1),
        () -> {
          JsonObject client = TestClients.register(TestClients.withRefresh());
          String r1 = signIn(client).getRefreshToken().getValue();
          JsonObject lost = json(refresh(client, r1, null));

          Response retry = refresh(client, r1, null);

          assertEquals(200, retry.getStatus(), "a retry within the window is no reuse");
          JsonObject fresh = json(retry);
          assertNotEquals(lost.getString("refresh_token"), fresh.getString("refresh_token"));
          assertEquals(200, userInfo(fresh.getString("access_token")).getStatus());
          assertEquals(
              401,
              userInfo(lost.getString("access_token")).getStatus(),
              "the access token of the lost response is withdrawn");
          assertFalse(
              json(introspect(client, lost.getString("refresh_token"))).getBoolean("active"),
              "and so is its refresh token");
          Response next = refresh(client, fresh.getString("refresh_token"), null);
          assertEquals(200, next.getStatus(), "the retry's refresh token rotates as usual");
          assertEquals(200, userInfo(json(next).getString("access_token")).getStatus());
        });
  }

  @Test
  default void refreshRetryWhenTheWithdrawnSuccessorComesBackThenGrantRevoked() throws Throwable {
    withGrace(
        Duration.ofMinutes(1),
        () -> {
          JsonObject client = TestClients.register(TestClients.withRefresh());
          String r1 = signIn(client).getRefreshToken().getValue();
          String lost = json(refresh(client, r1, null)).getString("refresh_token");
          JsonObject fresh = json(refresh(client, r1, null));

          assertReuseRevokedTheGrant(client, refresh(client, lost, null), fresh);
        });
  }

  @Test
  default void refreshRetryWhenRetriedTwiceThenSecondRetryRevokesGrant() throws Throwable {
    withGrace(
        Duration.ofMinutes(1),
        () -> {
          JsonObject client = TestClients.register(TestClients.withRefresh());
          String r1 = signIn(client).getRefreshToken().getValue();
          refresh(client, r1, null).close();
          JsonObject retried = json(refresh(client, r1, null));

          assertReuseRevokedTheGrant(client, refresh(client, r1, null), retried);
        });
  }

  @Test
  default void refreshRetryWhenTheSuccessorWasUsedThenReuseRevokesGrantWithinGrace()
      throws Throwable {
    withGrace(
        Duration.ofMinutes(1),
        () -> {
          JsonObject client = TestClients.register(TestClients.withRefresh());
          String r1 = signIn(client).getRefreshToken().getValue();
          String r2 = json(refresh(client, r1, null)).getString("refresh_token");
          JsonObject third = json(refresh(client, r2, null));

          assertReuseRevokedTheGrant(client, refresh(client, r1, null), third);
        });
  }

  @Test
  default void refreshRetryWhenPastTheWindowThenReuseRevokesGrant() throws Throwable {
    withGrace(
        Duration.ofMinutes(1),
        () -> {
          JsonObject client = TestClients.register(TestClients.withRefresh());
          String r1 = signIn(client).getRefreshToken().getValue();
          JsonObject second = json(refresh(client, r1, null));
          // Rotated two minutes ago: the one-minute window has closed.
          PastRows.ageRefreshToken(r1, Duration.ofMinutes(2));

          assertReuseRevokedTheGrant(client, refresh(client, r1, null), second);
        });
  }

  /**
   * With the window open, two identical refreshes sent together are a use and its retry: both
   * answer 200, and exactly one of the two chains goes on (the other's tokens were withdrawn), 5
   * rounds. Whether the two meet in the database or one follows the other, the outcome must be this
   * one (using the other chain's refresh token after all is a reuse: it revokes the grant); they
   * must have been in flight together in most rounds (at HTTP: the server may still have run them
   * one after the other). The window is for such a lost response: a third at once would be a reuse.
   */
  @Test
  default void refreshRetryWhenTwoIdenticalRefreshesAtOnceThenBothAnsweredAndOneChainLives()
      throws Throwable {
    withGrace(
        Duration.ofMinutes(1),
        () -> {
          JsonObject client = TestClients.register(TestClients.withRefresh());
          String refreshToken = signIn(client).getRefreshToken().getValue();
          int overlapped = 0;
          JsonObject withdrawn = null;
          JsonObject lastLive = null;
          for (int round = 0; round < 5; round++) {
            String presented = refreshToken;
            List<JsonObject> answers = new ArrayList<>();
            Together.Sent<Response> sent =
                Together.sendTimed(() -> refresh(client, presented, null), 2);
            if (sent.mostInFlight() == 2) {
              overlapped++;
            }
            for (Response response : sent.answers()) {
              JsonObject body = json(response);
              assertEquals(200, response.getStatus(), "round " + round + ": " + body);
              answers.add(body);
            }
            List<JsonObject> live =
                answers.stream()
                    .filter(a -> userInfo(a.getString("access_token")).getStatus() == 200)
                    .toList();
            assertEquals(1, live.size(), "round " + round + ": one chain lives, " + answers);
            assertEquals(
                List.of(true, false),
                answers.stream()
                    .sorted(Comparator.comparing(a -> a != live.get(0)))
                    .map(a -> json(introspect(client, a.getString("refresh_token"))))
                    .map(body -> body.getBoolean("active"))
                    .toList(),
                "round " + round + ": its refresh token alone is active");
            refreshToken = live.get(0).getString("refresh_token");
            lastLive = live.get(0);
            withdrawn = answers.get(answers.get(0) == lastLive ? 1 : 0);
          }
          assertTrue(overlapped >= 3, "in flight together in only " + overlapped + " of 5 rounds");
          // The withdrawn answer's refresh token, kept and used after all, is a reuse.
          assertReuseRevokedTheGrant(
              client, refresh(client, withdrawn.getString("refresh_token"), null), lastLive);
        });
  }

  /**
   * The reuse was refused, and every token of the grant, {@code live} among them, stopped working.
   */
  private static void assertReuseRevokedTheGrant(
      JsonObject client, Response reuse, JsonObject live) {
    assertEquals(400, reuse.getStatus());
    assertEquals("invalid_grant", json(reuse).getString("error"));
    assertEquals(401, userInfo(live.getString("access_token")).getStatus());
    assertEquals(
        "invalid_grant",
        json(refresh(client, live.getString("refresh_token"), null)).getString("error"));
  }

  private static OIDCTokens signIn(JsonObject client) throws Exception {
    return SignIn.tokens(client, TestAccounts.alice(), "openid offline_access");
  }

  private static void withGrace(Duration grace, Executable test) throws Throwable {
    AdjustedSettings.with(AdjustedSettings.GRACE, grace, test);
  }
}
