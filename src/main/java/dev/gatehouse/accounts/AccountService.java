package dev.gatehouse.accounts;

import dev.gatehouse.config.AccountSettings;
import dev.gatehouse.protocol.OAuthException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Creates accounts and checks passwords, counting failures and locking accounts that fail too often
 * (logged as security events, never with the password).
 */
@Stateless
public class AccountService {

  private static final Logger LOG = Logger.getLogger("dev.gatehouse.security");

  @Inject AccountRepository accounts;
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
    if (account.isLocked(now)) {
      hasher.verifyDummy(password);
      LOG.warning(() -> "security: login attempt on locked account " + account.subject());
      return Optional.empty();
    }
    if (!hasher.verify(password, account.passwordHash())) {
      account.recordFailure(now, settings.maxFailedLogins(), settings.lockoutDuration());
      slowDown(account.failedLogins());
      LOG.warning(
          () ->
              "security: failed login for account "
                  + account.subject()
                  + (account.isLocked(now) ? "; account locked" : ""));
      return Optional.empty();
    }
    account.recordSuccess();
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

  public Optional<Account> find(String subject) {
    return accounts.findBySubject(subject);
  }

  /**
   * The account, held until the caller's transaction ends: changes to what a user consented to (two
   * browsers allowing at once, the operator's withdrawal) take turns on it instead of meeting at
   * the consent's primary key or updating a row just deleted.
   */
  public Optional<Account> findForUpdate(String subject) {
    return accounts.findForUpdate(subject);
  }

  /** Creates an account with a fresh opaque subject (a UUID, never derived from the username). */
  public Account create(String username, String password, JsonObject claims, List<String> groups) {
    if (username == null || !username.matches("[A-Za-z0-9._@+-]{1,128}")) {
      throw OAuthException.invalidRequest(
          "username must be 1-128 characters of A-Z a-z 0-9 . _ @ + -");
    }
    if (password == null || password.length() < 4) {
      throw OAuthException.invalidRequest("password must have at least 4 characters");
    }
    if (accounts.findByUsername(username).isPresent()) {
      throw OAuthException.invalidRequest("username " + username + " is taken");
    }
    Account account =
        new Account(
            UUID.randomUUID().toString(),
            username,
            hasher.hash(password),
            claims,
            groups,
            clock.instant());
    accounts.persist(account);
    LOG.info(() -> "security: account " + account.subject() + " created for username " + username);
    return account;
  }
}
