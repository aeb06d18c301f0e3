package dev.gatehouse.testing;

import dev.gatehouse.clients.AuthenticatedClient;
import dev.gatehouse.clients.ClientAuthenticated;
import dev.gatehouse.clients.CurrentClient;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Test-only endpoint, deployed by the container tests alone, that stands where the token,
 * introspection and revocation endpoints will: it requires client authentication and echoes who
 * authenticated and a form parameter (proving the filter put the body back).
 */
@RequestScoped
@Path("/test-only/client-auth")
public class ClientAuthProbe {

  @Inject CurrentClient current;

  @POST
  @ClientAuthenticated
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_JSON)
  public String probe(@FormParam("echo") String echo) {
    AuthenticatedClient client = current.get();
    return Json.createObjectBuilder()
        .add("client_id", client.clientId())
        .add("method", client.method())
        .add("echo", echo == null ? "" : echo)
        .build()
        .toString();
  }
}
