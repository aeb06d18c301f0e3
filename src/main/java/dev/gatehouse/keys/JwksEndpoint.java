package dev.gatehouse.keys;

import dev.gatehouse.config.KeySettings;
import dev.gatehouse.protocol.Paths;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/**
 * Serves the public signing keys as a JWK Set: public parts only, one entry per published key.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7517#section-5">RFC 7517 §5</a>
 */
@RequestScoped
@Path(Paths.JWKS)
public class JwksEndpoint {

  static final String JWK_SET_JSON = "application/jwk-set+json";

  @Inject KeyRing keyRing;
  @Inject KeySettings settings;

  @GET
  @Produces({JWK_SET_JSON, "application/json"})
  public Response jwks() {
    CacheControl cache = new CacheControl();
    cache.setMaxAge((int) settings.jwksMaxAge().toSeconds());
    cache.setNoTransform(false);
    return Response.ok(keyRing.current().jwksJson())
        .cacheControl(cache)
        .header("Access-Control-Allow-Origin", "*")
        .build();
  }
}
