package dev.gatehouse.api;

import static dev.gatehouse.protocol.JsonSupport.JSON;

import dev.gatehouse.resourceserver.BearerToken;
import dev.gatehouse.resourceserver.RequiresScope;
import dev.gatehouse.resourceserver.TokenPrincipal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * A protected resource: answers only callers with a valid access token carrying scope {@code read}.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6750#section-2.1">RFC 6750 §2.1</a>
 */
@RequestScoped
@Path("/api/secure-data")
@BearerToken
@RequiresScope("read")
@Produces(MediaType.APPLICATION_JSON)
public class SecureDataEndpoint {

  @Context SecurityContext security;

  @GET
  public JsonObject secureData() {
    TokenPrincipal caller = (TokenPrincipal) security.getUserPrincipal();
    JsonObjectBuilder user =
        JSON.createObjectBuilder()
            .add("sub", caller.subject())
            .add("iss", caller.issuer())
            .add("scope", JSON.createArrayBuilder(caller.scopes().stream().sorted().toList()))
            .add("groups", JSON.createArrayBuilder(caller.groups()));
    if (caller.clientId() != null) {
      user.add("client_id", caller.clientId());
    }
    return JSON.createObjectBuilder()
        .add("message", "Hello from a protected API")
        .add("user", user)
        .build();
  }
}
