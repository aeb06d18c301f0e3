package dev.gatehouse.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.config.AccountSettings;
import jakarta.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every failed sign-in looks the same from outside, whatever failed (timing included). */
class PasswordLoginTest {

  private final List<Duration> pauses = new ArrayList<>();
  private boolean checkRunning;
  private int failures;

  @Test
  void authenticateWhenAnyFailureThenTheSamePauseAndOnlyFailuresPause() {
    PasswordLogin login = login();

    assertTrue(login.authenticate("nobody", "wrong").isEmpty(), "unknown username");
    assertTrue(login.authenticate("alice", null).isEmpty(), "no password");
    assertTrue(login.authenticate(null, "right").isEmpty(), "no username");
    for (int i = 0; i < 4; i++) {
      assertTrue(login.authenticate("alice", "wrong").isEmpty(), "wrong password, in a row");
    }
    checkRunning = true;
    assertTrue(login.authenticate("alice", "right").isEmpty(), "locked or being checked");
    List<Duration> afterFailures = List.copyOf(pauses);
    checkRunning = false;
    assertTrue(login.authenticate("alice", "right").isPresent());

    assertEquals(8, afterFailures.size());
    afterFailures.forEach(pause -> assertEquals(PasswordLogin.FAILURE_PAUSE, pause));
    assertEquals(afterFailures, pauses, "a success does not pause");
    assertEquals(4, failures);
  }

  /** A failure is answered FAILURE_PAUSE after the attempt began, however long its work took. */
  @Test
  void authenticateWhenFailureTookTimeThenPausesOnlyWhatIsLeft() {
    PasswordLogin login = login();
    Instant began = Instant.parse("2026-12-02T10:00:00Z");
    Instant[] now = {began};
    login.clock =
        new Clock() {
          @Override
          public Instant instant() {
            Instant at = now[0];
            now[0] = now[0].plusMillis(120); // each reading: 120 ms of work
            return at;
          }

          @Override
          public ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }
        };

    login.authenticate("nobody", "wrong");
    now[0] = began;
    login.authenticate("alice", "wrong");

    assertEquals(
        List.of(
            PasswordLogin.FAILURE_PAUSE.minusMillis(120),
            PasswordLogin.FAILURE_PAUSE.minusMillis(120)),
        pauses);
    login.clock =
        new Clock() {
          private Instant at = began;

          @Override
          public Instant instant() {
            Instant reading = at;
            at = at.plus(PasswordLogin.FAILURE_PAUSE);
            return reading;
          }

          @Override
          public ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }
        };
    login.authenticate("nobody", "wrong");
    assertEquals(2, pauses.size(), "work that took the whole pause: no more waiting");
  }

  private PasswordLogin login() {
    Account alice =
        new Account(
            "sub-alice",
            "alice",
            "hash",
            Json.createObjectBuilder().build(),
            List.of(),
            Instant.EPOCH);
    PasswordLogin login = new PasswordLogin();
    login.accounts =
        new AccountRepository() {
          @Override
          public Optional<Account> findByUsername(String username) {
            return "alice".equals(username) ? Optional.of(alice) : Optional.empty();
          }
        };
    login.attempts =
        new LoginAttempts() {
          @Override
          public boolean begin(String subject, Instant now) {
            return !checkRunning;
          }

          @Override
          public Failure recordFailure(
              String subject, Instant now, int maxFailures, Duration lockout) {
            return new Failure(++failures, false);
          }

          @Override
          public void recordSuccess(String subject) {}
        };
    login.hasher =
        new PasswordHasher() {
          @Override
          public boolean verify(String password, String hash) {
            return "right".equals(password);
          }

          @Override
          public void verifyDummy(String password) {}
        };
    login.settings = new AccountSettings();
    login.pause = pauses::add;
    login.clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    return login;
  }
}
