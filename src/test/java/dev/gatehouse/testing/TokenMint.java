package dev.gatehouse.testing;

import dev.gatehouse.keys.KeyRing;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * Test-only endpoint, deployed by the container tests alone: signs the given claims with the
 * provider's real active signing key, standing in for the token endpoint (a later issue) so the
 * bearer-token filter can be tested with the provider's own tokens. {@code typ} and {@code kid} may
 * be overridden to build bad tokens.
 */
@RequestScoped
@Path("/test-only/mint")
public class TokenMint {

  @Inject KeyRing keyRing;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.TEXT_PLAIN)
  public String mint(JsonObject request) throws JoseException {
    var signer = keyRing.current().signer();
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(request.getJsonObject("claims").toString());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setHeader("typ", request.getString("typ", "at+jwt"));
    jws.setKeyIdHeaderValue(request.getString("kid", signer.getKeyId()));
    jws.setKey(signer.getPrivateKey());
    return jws.getCompactSerialization();
  }
}
