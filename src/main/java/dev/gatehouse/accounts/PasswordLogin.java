package dev.gatehouse.accounts;

import dev.gatehouse.config.AccountSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Checks a username and password, counting failures and locking accounts that fail too often
 * (logged as security events, never with the password). It holds no transaction, no database
 * connection and no pooled bean while the password is hashed or a failure is slowed down: many
 * logins at once cannot starve the other requests of either. An account's password is checked one
 * attempt at a time ({@link LoginAttempts}): guesses sent at once beside a check are refused
 * unchecked, so they cannot outnumber the lockout's limit. Every failure, whatever its cause
 * (unknown username, locked account, wrong password), costs one password hash and is answered the
 * same time after the attempt began, so its timing tells neither whether the username exists nor
 * whether the account is locked.
 */
@ApplicationScoped
public class PasswordLogin {

  private static final Logger LOG = Logger.getLogger("dev.gatehouse.security");

  @Inject AccountRepository accounts;
  @Inject LoginAttempts attempts;
  @Inject PasswordHasher hasher;
  @Inject AccountSettings settings;

  /** How long after it began every failed attempt is answered. */
  static final Duration FAILURE_PAUSE = Duration.ofMillis(300);

  Clock clock = Clock.systemUTC();
  Consumer<Duration> pause = PasswordLogin::sleep;

  /** The account if username and password match and it is not locked; empty otherwise. */
  public Optional<Account> authenticate(String username, String password) {
    Instant now = clock.instant();
    Optional<Account> found =
        username == null ? Optional.empty() : accounts.findByUsername(username);
    if (found.isEmpty() || password == null) {
      hasher.verifyDummy(password == null ? "" : password);
      LOG.warning(() -> "security: failed login for unknown username");
      return failed(now);
    }
    Account account = found.get();
    // One check at a time: guesses sent at once beside it are refused unchecked.
    if (!attempts.begin(account.subject(), now)) {
      hasher.verifyDummy(password);
      LOG.warning(
          () ->
              "security: login attempt refused, account locked or being checked: "
                  + account.subject());
      return failed(now);
    }
    if (!hasher.verify(password, account.passwordHash())) {
      LoginAttempts.Failure failure =
          attempts.recordFailure(
              account.subject(), now, settings.maxFailedLogins(), settings.lockoutDuration());
      LOG.warning(
          () ->
              "security: failed login for account "
                  + account.subject()
                  + (failure.locked() ? "; account locked" : ""));
      return failed(now);
    }
    attempts.recordSuccess(account.subject());
    return Optional.of(account);
  }

  /**
   * Answers a failure {@link #FAILURE_PAUSE} after the attempt began, whatever work it took (a
   * known account's failure writes to the database, an unknown username's does not).
   */
  private Optional<Account> failed(Instant began) {
    Duration left = FAILURE_PAUSE.minus(Duration.between(began, clock.instant()));
    if (!left.isNegative() && !left.isZero()) {
      pause.accept(left);
    }
    return Optional.empty();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
