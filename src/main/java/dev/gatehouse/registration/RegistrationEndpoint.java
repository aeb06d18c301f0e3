package dev.gatehouse.registration;

import dev.gatehouse.config.ProviderSettings;
import dev.gatehouse.protocol.BearerChallengeException;
import dev.gatehouse.protocol.BearerTokens;
import dev.gatehouse.protocol.JsonBodies;
import dev.gatehouse.protocol.NoStore;
import dev.gatehouse.protocol.OAuthException;
import dev.gatehouse.protocol.Paths;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;

/**
 * The client registration endpoint and the client configuration endpoint.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7591#section-3">RFC 7591 §3</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7592#section-2">RFC 7592 §2</a>
 */
@RequestScoped
@Path(Paths.REGISTRATION)
@NoStore
@Produces(MediaType.APPLICATION_JSON)
public class RegistrationEndpoint {

  @Inject RegistrationService service;
  @Inject RegistrationPolicy policy;
  @Inject ProviderSettings provider;
  @Context HttpHeaders headers;
  @Context HttpServletRequest servletRequest;

  @POST
  public Response register(InputStream body) {
    policy.admit(
        servletRequest.getRemoteAddr(), headers.getHeaderString(HttpHeaders.AUTHORIZATION));
    RegisteredClient registered =
        service.register(
            JsonBodies.readObject(
                headers.getMediaType(), body, OAuthException::invalidClientMetadata));
    URI location = URI.create(clientUri(registered.client().clientId()));
    return Response.created(location).entity(registered.toJson(location.toString())).build();
  }

  @GET
  @Path("{clientId}")
  public Response read(@PathParam("clientId") String clientId) {
    RegisteredClient client = service.read(clientId, token());
    return Response.ok(client.toJson(clientUri(clientId))).build();
  }

  @PUT
  @Path("{clientId}")
  public Response update(@PathParam("clientId") String clientId, InputStream body) {
    String token = token();
    RegisteredClient client =
        service.update(
            clientId,
            token,
            JsonBodies.readObject(
                headers.getMediaType(), body, OAuthException::invalidClientMetadata));
    return Response.ok(client.toJson(clientUri(clientId))).build();
  }

  @DELETE
  @Path("{clientId}")
  public Response delete(@PathParam("clientId") String clientId) {
    service.delete(clientId, token());
    return Response.noContent().build();
  }

  private String token() {
    return bearer()
        .orElseThrow(
            () ->
                BearerChallengeException.missingToken("The registration access token is required"));
  }

  private java.util.Optional<String> bearer() {
    return BearerTokens.from(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
  }

  private String clientUri(String clientId) {
    return provider.endpoint(Paths.REGISTRATION + "/" + clientId);
  }
}
