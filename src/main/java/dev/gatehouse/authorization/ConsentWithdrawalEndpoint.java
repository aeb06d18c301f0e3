package dev.gatehouse.authorization;

import static dev.gatehouse.protocol.JsonSupport.JSON;

import dev.gatehouse.admin.AdminAuthenticated;
import dev.gatehouse.protocol.NoStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code DELETE /admin/users/{sub}/consents/{client_id}}: the operator withdraws a user's consent
 * to a client with the grants and tokens it gave ({@link ConsentWithdrawal}), as Keycloak's
 * "revoke" of a user's consent does. Guarded by the admin token; an unknown user or client is 404.
 */
@RequestScoped
@Path("/admin/users/{sub}/consents/{clientId}")
@AdminAuthenticated
@NoStore
@Produces(MediaType.APPLICATION_JSON)
public class ConsentWithdrawalEndpoint {

  @Inject ConsentWithdrawal withdrawal;

  @DELETE
  public JsonObject withdraw(
      @PathParam("sub") String subject, @PathParam("clientId") String clientId) {
    ConsentWithdrawal.Result result =
        withdrawal.withdraw(subject, clientId).orElseThrow(NotFoundException::new);
    return JSON.createObjectBuilder()
        .add("sub", subject)
        .add("client_id", clientId)
        .add("consents_removed", result.consentsRemoved())
        .add("grants_revoked", result.grantsRevoked())
        .build();
  }
}
