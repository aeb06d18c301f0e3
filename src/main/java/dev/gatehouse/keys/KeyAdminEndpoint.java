package dev.gatehouse.keys;

import static dev.gatehouse.protocol.JsonSupport.JSON;

import dev.gatehouse.admin.AdminAuthenticated;
import dev.gatehouse.protocol.NoStore;
import dev.gatehouse.protocol.Paths;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/**
 * Operator view of the signing keys and the rotation operation. Guarded by the admin token; never
 * shows private key material.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#RotateSigKeys">OpenID Connect
 *     Core §10.1.1</a>
 */
@RequestScoped
@Path(Paths.ADMIN_KEYS)
@AdminAuthenticated
@NoStore
@Produces(MediaType.APPLICATION_JSON)
public class KeyAdminEndpoint {

  @Inject KeyRing keyRing;
  @Inject SigningKeyService service;

  @GET
  public JsonObject list() {
    return describe(service.published());
  }

  @POST
  @Path("rotate")
  public JsonObject rotate(@QueryParam("force") boolean force) {
    keyRing.rotate(force);
    return describe(service.published());
  }

  private JsonObject describe(List<SigningKey> keys) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    for (SigningKey key : keys) {
      JsonObjectBuilder entry =
          JSON.createObjectBuilder()
              .add("kid", key.kid())
              .add("alg", key.algorithm())
              .add("status", key.status().name().toLowerCase(java.util.Locale.ROOT))
              .add("encrypted_at_rest", key.privateKey().isEncrypted());
      add(entry, "created_at", key.createdAt());
      add(entry, "activated_at", key.activatedAt());
      add(entry, "retired_at", key.retiredAt());
      add(entry, "publish_until", key.publishUntil());
      array.add(entry);
    }
    return JSON.createObjectBuilder().add("keys", array).build();
  }

  private static void add(JsonObjectBuilder entry, String name, Instant instant) {
    if (instant != null) {
      entry.add(name, instant.toString());
    }
  }
}
