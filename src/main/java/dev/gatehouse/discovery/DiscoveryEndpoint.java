package dev.gatehouse.discovery;

import dev.gatehouse.protocol.Paths;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Serves the provider metadata at both well-known locations, with the exact configured issuer.
 *
 * @see <a href="https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfig">OpenID
 *     Connect Discovery 1.0 §4</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc8414#section-3">RFC 8414 §3</a>
 */
@RequestScoped
@Path(Paths.WELL_KNOWN)
@Produces(MediaType.APPLICATION_JSON)
public class DiscoveryEndpoint {

  private static final int MAX_AGE_SECONDS = 3600;

  @Inject DiscoveryDocument document;

  @GET
  @Path(Paths.OPENID_CONFIGURATION_NAME)
  public Response openidConfiguration() {
    return metadata();
  }

  @GET
  @Path(Paths.OAUTH_AUTHORIZATION_SERVER_NAME)
  public Response oauthAuthorizationServer() {
    return metadata();
  }

  private Response metadata() {
    CacheControl cache = new CacheControl();
    cache.setMaxAge(MAX_AGE_SECONDS);
    cache.setNoTransform(false);
    return Response.ok(document.json())
        .cacheControl(cache)
        .header("Access-Control-Allow-Origin", "*")
        .build();
  }
}
