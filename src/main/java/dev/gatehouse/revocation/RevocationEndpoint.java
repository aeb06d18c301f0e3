package dev.gatehouse.revocation;

import dev.gatehouse.clients.ClientAuthenticated;
import dev.gatehouse.clients.CurrentClient;
import dev.gatehouse.protocol.NoStore;
import dev.gatehouse.protocol.Paths;
import dev.gatehouse.token.PresentedToken;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * The revocation endpoint: POST with a form body, the caller authenticated as a client by the
 * filter; 200 with an empty body whether or not the token was known.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7009#section-2">RFC 7009 §2</a>
 */
@RequestScoped
@Path(Paths.REVOCATION)
@ClientAuthenticated
@NoStore
public class RevocationEndpoint {

  @Inject RevocationService service;
  @Inject CurrentClient client;

  @POST
  public Response revoke() {
    service.revoke(client.get(), PresentedToken.from(client.form()));
    return Response.ok().build();
  }
}
