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
    login.clock = new SteppingClock(began, Duration.ofMillis(120)); // each reading: 120 ms of work

    login.authenticate("nobody", "wrong");
    login.clock = new SteppingClock(began, Duration.ofMillis(120));
    login.authenticate("alice", "wrong");

    assertEquals(
        List.of(
            PasswordLogin.FAILURE_PAUSE.minusMillis(120),
            PasswordLogin.FAILURE_PAUSE.minusMillis(120)),
        pauses);
    login.clock = new SteppingClock(began, PasswordLogin.FAILURE_PAUSE);
    login.authenticate("nobody", "wrong");
    assertEquals(2, pauses.size(), "work that took the whole pause: no more waiting");
  }

  /** A clock that moves on by {@code step} at each reading: the work between two readings. */
  private static final class SteppingClock extends Clock {
    private Instant at;
    private final Duration step;

    SteppingClock(Instant start, Duration step) {
      this.at = start;
      this.step = step;
    }

    @Override
    public Instant instant() {
      Instant reading = at;
      at = at.plus(step);
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
