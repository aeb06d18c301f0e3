package dev.gatehouse.session;

import static dev.gatehouse.protocol.JsonSupport.JSON;

import dev.gatehouse.admin.AdminAuthenticated;
import dev.gatehouse.protocol.NoStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code POST /admin/users/{sub}/logout}: the operator signs a user out everywhere ({@link
 * SignOutEverywhere}), what Keycloak's admin "sign out" of a user is for, here with the user's
 * offline tokens too. Guarded by the admin token; an unknown subject is 404.
 */
@RequestScoped
@Path("/admin/users/{sub}/logout")
@AdminAuthenticated
@NoStore
@Produces(MediaType.APPLICATION_JSON)
public class SignOutEverywhereEndpoint {

  @Inject SignOutEverywhere signOut;

  @POST
  public JsonObject signOut(@PathParam("sub") String subject) {
    SignOutEverywhere.Result result = signOut.signOut(subject).orElseThrow(NotFoundException::new);
    return JSON.createObjectBuilder()
        .add("sub", subject)
        .add("sessions_ended", result.sessionsEnded())
        .add("grants_revoked", result.grantsRevoked())
        .build();
  }
}
