package dev.gatehouse.registration;

import dev.gatehouse.admin.AdminAuthenticated;
import dev.gatehouse.config.ProviderSettings;
import dev.gatehouse.protocol.JsonBodies;
import dev.gatehouse.protocol.NoStore;
import dev.gatehouse.protocol.OAuthException;
import dev.gatehouse.protocol.Paths;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.NotFoundException;
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
 * Operator creation of clients without dynamic registration (pre-registered clients): the same
 * metadata and validation as RFC 7591, an optional operator-chosen {@code client_id}, guarded by
 * the admin token. The response is a client information response, so RFC 7592 management works too.
 * The operator also updates (without the self-service limits) and deletes clients here.
 */
@RequestScoped
@Path(Paths.ADMIN_CLIENTS)
@AdminAuthenticated
@NoStore
@Produces(MediaType.APPLICATION_JSON)
public class ClientAdminEndpoint {

  @Inject RegistrationService service;
  @Inject ProviderSettings provider;
  @Context HttpHeaders headers;

  @POST
  public Response create(InputStream body) {
    JsonObject request =
        JsonBodies.readObject(headers.getMediaType(), body, OAuthException::invalidClientMetadata);
    RegisteredClient created = service.configure(request, request.getString("client_id", null));
    URI uri = registrationUri(created.client().clientId());
    return Response.created(uri).entity(created.toJson(uri.toString())).build();
  }

  /**
   * Replaces a client's metadata as an RFC 7592 update does, without its registration access token
   * and without the self-service limits: how the operator widens a machine client's scopes.
   */
  @PUT
  @Path("{clientId}")
  public Response update(@PathParam("clientId") String clientId, InputStream body) {
    JsonObject request =
        JsonBodies.readObject(headers.getMediaType(), body, OAuthException::invalidClientMetadata);
    RegisteredClient updated =
        service.reconfigure(clientId, request).orElseThrow(NotFoundException::new);
    return Response.ok(updated.toJson(registrationUri(clientId).toString())).build();
  }

  /** Deletes a client with its grants, tokens and consents, as RFC 7592 §2.3 does. */
  @DELETE
  @Path("{clientId}")
  public Response delete(@PathParam("clientId") String clientId) {
    if (!service.deleteConfigured(clientId)) {
      throw new NotFoundException();
    }
    return Response.noContent().build();
  }

  private URI registrationUri(String clientId) {
    return URI.create(provider.endpoint(Paths.REGISTRATION + "/" + clientId));
  }
}
