package dev.gatehouse.accounts;

import dev.gatehouse.protocol.OAuthException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/** Creates and finds accounts (passwords are checked by {@link PasswordLogin}). */
@Stateless
public class AccountService {

  private static final Logger LOG = Logger.getLogger("dev.gatehouse.security");

  @Inject AccountRepository accounts;
  @Inject PasswordHasher hasher;

  Clock clock = Clock.systemUTC();

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
    if (!accounts.persistNew(account)) {
      throw OAuthException.invalidRequest("username " + username + " is taken");
    }
    LOG.info(() -> "security: account " + account.subject() + " created for username " + username);
    return account;
  }
}
