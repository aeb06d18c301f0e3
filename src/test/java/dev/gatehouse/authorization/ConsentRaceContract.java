package dev.gatehouse.authorization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import dev.gatehouse.testing.Browser;
import dev.gatehouse.testing.SignIn;
import dev.gatehouse.testing.TestAccounts;
import dev.gatehouse.testing.TestAccounts.TestAccount;
import dev.gatehouse.testing.TestClients;
import dev.gatehouse.testing.Together;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A user allowing one client in two browsers (two devices, each signed in) at the same moment, the
 * first consent to that client in each: both succeed and the consent remembered holds the scopes of
 * both, every round (two first consents used to meet at the primary key: a server error).
 */
public interface ConsentRaceContract {

  int CONSENT_ROUNDS = 8;

  @Test
  default void consentWhenAllowedInTwoBrowsersAtOnceThenBothSucceedAndBothScopesRemembered()
      throws Exception {
    int overlapped = 0;
    for (int round = 0; round < CONSENT_ROUNDS; round++) {
      TestAccount user = TestAccounts.alice();
      JsonObject client =
          TestClients.register(TestClients.confidential().add("scope", "openid profile email"));
      try (Browser laptop = new Browser();
          Browser phone = new Browser()) {
        atConsentPage(laptop, client, "openid profile", user);
        atConsentPage(phone, client, "openid email", user);

        Together.Sent<Browser.Step> sent =
            Together.sendTimed(List.<Supplier<Browser.Step>>of(allow(laptop), allow(phone)));
        if (sent.mostInFlight() == 2) {
          overlapped++;
        }
        List<Browser.Step> answers = sent.answers();

        for (Browser.Step answer : answers) {
          assertNotNull(answer.exit(), "round " + round + ": " + answer.status());
          assertTrue(
              AuthorizationResponse.parse(answer.exit()).indicatesSuccess(),
              "round " + round + ": " + answer.exit());
        }
        Browser.Step both = laptop.open(authorize(client, "openid profile email"));
        assertNotNull(
            both.exit(), "round " + round + ": both consents remembered, no consent page");
        assertTrue(AuthorizationResponse.parse(both.exit()).indicatesSuccess());
      }
    }
    assertTrue(
        overlapped >= CONSENT_ROUNDS / 2,
        "the two consents were in flight together in only " + overlapped + " rounds");
  }

  private static void atConsentPage(
      Browser browser, JsonObject client, String scope, TestAccount user) throws IOException {
    browser.open(authorize(client, scope));
    Browser.Step consent = browser.login(user.username(), user.password());
    assertEquals("/consent", consent.path(), "the consent page, before any consent");
  }

  private static Supplier<Browser.Step> allow(Browser browser) {
    return () -> {
      try {
        return browser.consent(true);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  private static String authorize(JsonObject client, String scope) {
    return SignIn.authorizationUri(client, scope, null);
  }
}
