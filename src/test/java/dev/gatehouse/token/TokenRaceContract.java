package dev.gatehouse.token;

import static dev.gatehouse.testing.AsClient.introspect;
import static dev.gatehouse.testing.AsClient.refresh;
import static dev.gatehouse.testing.TestServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.gatehouse.testing.SignIn;
import dev.gatehouse.testing.TestAccounts;
import dev.gatehouse.testing.TestClients;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Race safety: the same code, or the same refresh token, presented by many threads at once yields
 * exactly one success, round after round; the others get invalid_grant (never a 500), and the
 * replay revokes the grant, so even the winner's tokens stop working.
 */
public interface TokenRaceContract {

  int ROUNDS = 30;
  int THREADS = 8;

  @Test
  default void codeWhenRedeemedConcurrentlyThenExactlyOneSuccessEveryRound() throws Exception {
    JsonObject client = TestClients.register(TestClients.withRefresh());
    try (SignIn.Session session = SignIn.session(client, TestAccounts.alice(), "openid")) {
      for (int round = 0; round < ROUNDS; round++) {
        SignIn.Session.Code code = session.code();

        List<JsonObject> winners = race(() -> session.redeem(code), round);

        assertFalse(
            json(introspect(client, winners.get(0).getString("access_token"))).getBoolean("active"),
            "RFC 6749 §4.1.2: the replays revoked the tokens issued from the code");
      }
    }
  }

  @Test
  default void refreshWhenUsedConcurrentlyThenExactlyOneSuccessEveryRound() throws Exception {
    JsonObject client = TestClients.register(TestClients.withRefresh());
    try (SignIn.Session session =
        SignIn.session(client, TestAccounts.alice(), "openid offline_access")) {
      for (int round = 0; round < ROUNDS; round++) {
        String refreshToken = session.tokens().getString("refresh_token");

        List<JsonObject> winners = race(() -> refresh(client, refreshToken, null), round);

        Response next = refresh(client, winners.get(0).getString("refresh_token"), null);
        assertEquals(
            "invalid_grant",
            json(next).getString("error"),
            "RFC 9700 §4.14.2: the reuse revoked the grant, the winner's new token with it");
      }
    }
  }

  /**
   * Sends the same request from {@link #THREADS} threads released together; asserts exactly one 200
   * and invalid_grant for all others; returns the successful bodies.
   */
  private static List<JsonObject> race(Supplier<Response> request, int round) throws Exception {
    CyclicBarrier start = new CyclicBarrier(THREADS);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Response>> answers = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        Callable<Response> call =
            () -> {
              start.await();
              return request.get();
            };
        answers.add(pool.submit(call));
      }
      List<JsonObject> successes = new ArrayList<>();
      for (Future<Response> answer : answers) {
        Response response = answer.get();
        JsonObject body = json(response);
        if (response.getStatus() == 200) {
          successes.add(body);
        } else {
          assertEquals(400, response.getStatus(), "round " + round + ": " + body);
          assertEquals("invalid_grant", body.getString("error"), "round " + round);
        }
      }
      assertEquals(1, successes.size(), "round " + round + ": exactly one success");
      return successes;
    } finally {
      pool.shutdownNow();
    }
  }
}
