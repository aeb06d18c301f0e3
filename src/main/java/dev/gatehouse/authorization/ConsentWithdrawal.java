package dev.gatehouse.authorization;

import dev.gatehouse.accounts.AccountService;
import dev.gatehouse.clients.ClientRepository;
import dev.gatehouse.token.GrantRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Withdraws a user's consent to one client, for an operator (the user asks that an application no
 * longer have access): the remembered consent goes, so the next sign-in there asks again, and every
 * grant the user gave that client is revoked with its refresh and access tokens. The user's SSO
 * session and other clients are not touched.
 */
@Stateless
public class ConsentWithdrawal {

  private static final Logger LOG = Logger.getLogger("dev.gatehouse.security");

  @Inject AccountService accounts;
  @Inject ClientRepository clients;
  @Inject ConsentRepository consents;
  @Inject GrantRepository grants;

  Clock clock = Clock.systemUTC();

  /** What one withdrawal ended. */
  public record Result(int consentsRemoved, int grantsRevoked) {}

  /** Withdraws the consent; empty when no such user or no such client exists. */
  public Optional<Result> withdraw(String subject, String clientId) {
    if (subject == null
        || clientId == null
        // Held until the end: a consent being given right now waits for the withdrawal.
        || accounts.findForUpdate(subject).isEmpty()
        || clients.find(clientId).isEmpty()) {
      return Optional.empty();
    }
    Result result =
        new Result(
            consents.forget(subject, clientId),
            grants.revokeAllOf(subject, clientId, clock.instant()));
    LOG.warning(
        () ->
            "security: consent of user "
                + subject
                + " to client_id "
                + clientId
                + " withdrawn by the operator: "
                + result.grantsRevoked()
                + " grants revoked");
    return Optional.of(result);
  }
}
