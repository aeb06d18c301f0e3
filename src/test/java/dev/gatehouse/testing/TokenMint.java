package dev.gatehouse.testing;

import dev.gatehouse.keys.KeyRing;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * Test-only endpoint, deployed by the container tests alone: signs the given claims with the
 * provider's real active signing key, so the bearer-token filter can be tested with tokens the
 * token endpoint would never issue (any claims; {@code typ} and {@code kid} may be overridden to
 * build bad tokens). Like the token endpoint, it records the token (and a grant for it) by its
 * {@code jti}, unless the request says {@code "record": false}: the filter refuses the provider's
 * own tokens that have no active record. A token re-signed with the jti of an issued one keeps that
 * one's record. The token's client_id gets a client record too, when it has none.
 */
@RequestScoped
@Path("/test-only/mint")
public class TokenMint {

  private static final String MINTING_CLIENT =
      "{\"client_name\":\"Minted by a test\",\"grant_types\":[\"client_credentials\"],"
          + "\"token_endpoint_auth_method\":\"none\",\"application_type\":\"web\","
          + "\"id_token_signed_response_alg\":\"RS256\"}";

  @Inject KeyRing keyRing;
  @PersistenceContext EntityManager em;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.TEXT_PLAIN)
  @Transactional
  public String mint(JsonObject request) throws JoseException {
    JsonObject claims = request.getJsonObject("claims");
    if (request.getBoolean("record", true) && claims.containsKey("jti")) {
      record(claims);
    }
    var signer = keyRing.current().signer();
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toString());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setHeader("typ", request.getString("typ", "at+jwt"));
    jws.setKeyIdHeaderValue(request.getString("kid", signer.getKeyId()));
    jws.setKey(signer.getPrivateKey());
    return jws.getCompactSerialization();
  }

  /** Records the token, unless its jti has a record already (a real token, re-signed). */
  private void record(JsonObject claims) {
    String jti = claims.getString("jti");
    Number known =
        (Number)
            em.createNativeQuery("SELECT COUNT(*) FROM oidc_access_token WHERE jti = ?")
                .setParameter(1, jti)
                .getSingleResult();
    if (known.intValue() > 0) {
      return;
    }
    String clientId = claims.getString("client_id", "minted");
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    // A token is active only while its client is registered: register the minting one once.
    em.createNativeQuery(
            "INSERT INTO oidc_client (client_id, client_secret_expires_at,"
                + " token_endpoint_auth_method, metadata, origin, issued_at, updated_at, version)"
                + " SELECT ?, 0, 'none', ?, 'CONFIGURED', ?, ?, 0"
                + " WHERE NOT EXISTS (SELECT 1 FROM oidc_client WHERE client_id = ?)")
        .setParameter(1, clientId)
        .setParameter(2, MINTING_CLIENT)
        .setParameter(3, now)
        .setParameter(4, now)
        .setParameter(5, clientId)
        .executeUpdate();
    JsonNumber exp = claims.getJsonNumber("exp");
    OffsetDateTime expires =
        exp == null
            ? now.plusMinutes(5)
            : Instant.ofEpochSecond(exp.longValue()).atOffset(ZoneOffset.UTC);
    em.createNativeQuery(
            "INSERT INTO oidc_grant (id, subject, client_id, scope, auth_time, created_at,"
                + " expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .setParameter(1, "minted-" + jti)
        .setParameter(2, claims.getString("sub", "minted"))
        .setParameter(3, clientId)
        .setParameter(4, claims.getString("scope", ""))
        .setParameter(5, now)
        .setParameter(6, now)
        .setParameter(7, now)
        .executeUpdate();
    em.createNativeQuery(
            "INSERT INTO oidc_access_token (jti, grant_id, client_id, expires_at)"
                + " VALUES (?, ?, ?, ?)")
        .setParameter(1, jti)
        .setParameter(2, "minted-" + jti)
        .setParameter(3, clientId)
        .setParameter(4, expires)
        .executeUpdate();
  }
}
