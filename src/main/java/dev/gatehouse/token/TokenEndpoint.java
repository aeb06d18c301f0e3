package dev.gatehouse.token;

import dev.gatehouse.clients.ClientAuthenticated;
import dev.gatehouse.clients.CurrentClient;
import dev.gatehouse.protocol.NoStore;
import dev.gatehouse.protocol.Paths;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The token endpoint: client authentication (by the filter), then the grant; {@code Cache-Control:
 * no-store} on every answer.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-3.2">RFC 6749 §3.2</a>
 */
@RequestScoped
@Path(Paths.TOKEN)
@ClientAuthenticated
@NoStore
public class TokenEndpoint {

  @Inject TokenService service;
  @Inject CurrentClient client;
  @Inject TokenCounts counts;

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  public Response token() {
    TokenResponse issued = service.token(new TokenRequest(client.get(), client.form()));
    counts.issued(client.form().getFirst("grant_type"));
    return Response.ok(issued.toJson()).build();
  }
}
