package dev.gatehouse.health;

import static dev.gatehouse.testing.TestServer.json;
import static dev.gatehouse.testing.TestServer.request;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.testing.AsClient;
import dev.gatehouse.testing.Eventually;
import dev.gatehouse.testing.SignIn;
import dev.gatehouse.testing.TestAccounts;
import dev.gatehouse.testing.TestClients;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The token lifecycle in MicroProfile Metrics at Payara's {@code /metrics?scope=application}
 * (Prometheus text): each count goes up by what the test did.
 */
public interface MetricsContract {

  String ISSUED = "gatehouse_tokens_issued";
  String REPLAYS = "gatehouse_grants_revoked_for_replay";
  String DELETED = "gatehouse_purge_deleted_rows";

  @Test
  default void metricsWhenTokensIssuedAndARefreshTokenReplayedThenCountedByGrantType()
      throws Exception {
    JsonObject machine = TestClients.machine("read");
    JsonObject client = TestClients.register(TestClients.withRefresh());
    double cc = metric(ISSUED, "grant_type", "client_credentials");
    double code = metric(ISSUED, "grant_type", "authorization_code");
    double refresh = metric(ISSUED, "grant_type", "refresh_token");
    double replays = metric(REPLAYS, null, null);

    assertEquals(200, AsClient.clientCredentials(machine, null).getStatus());
    assertEquals(200, AsClient.clientCredentials(machine, null).getStatus());
    String first =
        SignIn.tokens(client, TestAccounts.alice(), "openid offline_access")
            .getRefreshToken()
            .getValue();
    assertEquals(200, AsClient.refresh(client, first, null).getStatus());
    assertEquals(400, AsClient.refresh(client, first, null).getStatus(), "the replay");
    assertEquals(400, AsClient.refresh(client, first, null).getStatus(), "again: one grant");
    assertEquals(400, AsClient.clientCredentials(machine, "not a uri").getStatus());
    assertEquals(
        400,
        AsClient.token(machine, new Form("grant_type", "urn:example:made-up")).getStatus(),
        "a grant type the client names");

    assertEquals(
        cc + 2, metric(ISSUED, "grant_type", "client_credentials"), "refusals not counted");
    assertEquals(code + 1, metric(ISSUED, "grant_type", "authorization_code"));
    assertEquals(refresh + 1, metric(ISSUED, "grant_type", "refresh_token"));
    assertEquals(
        replays + 1, metric(REPLAYS, null, null), "one grant revoked, however often replayed");
    assertEquals(
        List.of("authorization_code", "client_credentials", "refresh_token"),
        samples(ISSUED).stream()
            .map(line -> line.replaceAll(".*grant_type=\"([^\"]*)\".*", "$1"))
            .sorted()
            .toList(),
        "no series for a grant type a client makes up");
  }

  /** Rows beyond the retention, seeded in four tables, are deleted: counted per table. */
  @Test
  default void metricsWhenThePurgeDeletesRowsThenRunsAndDeletedRowsPerTableCounted() {
    List<String> tables =
        List.of(
            "oidc_access_token",
            "oidc_user_session",
            "oidc_pending_authorization",
            "oidc_client_assertion");
    Map<String, Double> before =
        tables.stream().collect(Collectors.toMap(t -> t, t -> metric(DELETED, "table", t)));
    double runs = metric("gatehouse_purge_runs", null, null);
    String prefix = "metrics-" + System.nanoTime();
    JsonObject seeded =
        json(request("/test-only/db/seed-purgeable").post(Entity.form(new Form("prefix", prefix))));
    assertEquals(tables.size(), seeded.size(), seeded.toString());

    Eventually.await(
        () ->
            json(request("/test-only/db/seeded/" + prefix).get()).values().stream()
                .allMatch(keys -> !keys.toString().contains("-old")),
        Duration.ofSeconds(60),
        "the seeded rows beyond the retention are purged");

    // The run that deleted them may still be at its other rules: its count comes when it ends.
    Eventually.await(
        () ->
            tables.stream().allMatch(t -> metric(DELETED, "table", t) >= before.get(t) + 1)
                && metric("gatehouse_purge_runs", null, null) >= runs + 1,
        Duration.ofSeconds(30),
        "the deleted rows and the run counted: " + before);
  }

  /**
   * The value of the one sample of the metric (with the label, if not null); fails if none or many.
   * Lines read: {@code name{label="value",mp_scope="application"} 3}, labels in any order.
   */
  private static double metric(String name, String label, String value) {
    String text = metricsText();
    List<String> samples =
        samples(name).stream()
            .filter(
                line ->
                    label == null
                        || line.substring(0, line.indexOf('}'))
                            .matches(".*[{,]" + label + "=\"" + value + "\".*"))
            .toList();
    assertEquals(1, samples.size(), name + " " + label + "=" + value + " in:\n" + text);
    String sample = samples.get(0);
    return Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
  }

  /** The sample lines of the metric. */
  private static List<String> samples(String name) {
    return metricsText().lines().filter(line -> line.startsWith(name + "{")).toList();
  }

  private static String metricsText() {
    return request("/metrics?scope=application").accept(MediaType.TEXT_PLAIN).get(String.class);
  }
}
