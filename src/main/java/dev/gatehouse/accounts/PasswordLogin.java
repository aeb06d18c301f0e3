package dev.gatehouse.accounts;

import dev.gatehouse.config.AccountSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Checks a username and password, counting failures and locking accounts that fail too often
 * (logged as security events, never with the password). It holds no transaction, no database
 * connection and no pooled bean while the password is hashed or a failure is slowed down: many
 * logins at once cannot starve the other requests of either. Each attempt is counted before its
 * password is checked ({@link LoginAttempts}): guesses sent at once cannot outnumber the limit.
 */
@ApplicationScoped
public class PasswordLogin {

  private static final Logger LOG = Logger.getLogger("dev.gatehouse.security");

  @Inject AccountRepository accounts;
  @Inject LoginAttempts attempts;
  @Inject PasswordHasher hasher;
  @Inject AccountSettings settings;

  Clock clock = Clock.systemUTC();

  /** The account if username and password match and it is not locked; empty otherwise. */
  public Optional<Account> authenticate(String username, String password) {
    Instant now = clock.instant();
    Optional<Account> found =
        username == null ? Optional.empty() : accounts.findByUsername(username);
    if (found.isEmpty() || password == null) {
      hasher.verifyDummy(password == null ? "" : password);
      LOG.warning(() -> "security: failed login for unknown username");
      return Optional.empty();
    }
    Account account = found.get();
    // Counted before the (slow) check, so that guesses sent at once cannot outnumber the limit.
    if (!attempts.reserve(account.subject(), now, settings.maxFailedLogins())) {
      hasher.verifyDummy(password);
      LOG.warning(
          () ->
              "security: login attempt refused, account locked or at its limit: "
                  + account.subject());
      return Optional.empty();
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
      slowDown(failure.inARow());
      return Optional.empty();
    }
    if (!attempts.recordSuccess(account.subject(), clock.instant())) {
      LOG.warning(
          () -> "security: right password on account locked meanwhile " + account.subject());
      return Optional.empty();
    }
    return Optional.of(account);
  }

  /** Each failure in a row costs the caller a little more time, up to a second. */
  private static void slowDown(int failures) {
    try {
      Thread.sleep(Math.min(200L * failures, 1000L));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
