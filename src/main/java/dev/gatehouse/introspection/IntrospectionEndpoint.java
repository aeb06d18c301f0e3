package dev.gatehouse.introspection;

import dev.gatehouse.clients.ClientAuthenticated;
import dev.gatehouse.clients.CurrentClient;
import dev.gatehouse.protocol.NoStore;
import dev.gatehouse.protocol.Paths;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The introspection endpoint: POST with a form body, the caller authenticated as a client by the
 * filter; {@code Cache-Control: no-store}.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7662#section-2">RFC 7662 §2</a>
 */
@RequestScoped
@Path(Paths.INTROSPECTION)
@ClientAuthenticated
@NoStore
public class IntrospectionEndpoint {

  @Inject IntrospectionService service;
  @Inject CurrentClient client;

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject introspect() {
    return service.introspect(client.get(), client.form());
  }
}
