package dev.gatehouse.session;

import dev.gatehouse.accounts.AccountService;
import dev.gatehouse.token.GrantRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Signs a user out everywhere, for an operator (a stolen device, a compromised account): every SSO
 * session of the user ends, and every grant the user gave is revoked, so each refresh token (with
 * offline_access too) and access token of theirs stops working at once, at introspection, UserInfo
 * and the APIs in this WAR. Consents stay: the user signs in again without being asked again.
 */
@Stateless
public class SignOutEverywhere {

  private static final Logger LOG = Logger.getLogger("dev.gatehouse.security");

  @Inject AccountService accounts;
  @Inject SessionService sessions;
  @Inject GrantRepository grants;

  Clock clock = Clock.systemUTC();

  /** What one sign-out ended. */
  public record Result(int sessionsEnded, int grantsRevoked) {}

  /** Signs the user out everywhere; empty when no account has this subject. */
  public Optional<Result> signOut(String subject) {
    if (subject == null || accounts.find(subject).isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Result result =
        new Result(sessions.endAllOf(subject, now), grants.revokeAllOfSubject(subject, now));
    LOG.warning(
        () ->
            "security: user "
                + subject
                + " signed out everywhere by the operator: "
                + result.sessionsEnded()
                + " sessions ended, "
                + result.grantsRevoked()
                + " grants revoked");
    return Optional.of(result);
  }
}
