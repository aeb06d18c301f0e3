package dev.gatehouse.keys;

import static dev.gatehouse.testing.TestServer.json;
import static dev.gatehouse.testing.TestServer.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.security.interfaces.RSAPublicKey;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.HashUtil;
import org.junit.jupiter.api.Test;

/** The JWK Set endpoint (RFC 7517 §5) over HTTP. */
public interface JwksContract {

  Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

  @Test
  default void jwksWhenRequestedThenJwkSetWithCachingHeader() {
    Response response = request("/jwks.json").get();

    assertEquals(200, response.getStatus());
    assertEquals("application/jwk-set+json", response.getMediaType().toString());
    assertTrue(response.getHeaderString("Cache-Control").matches(".*max-age=\\d+.*"));
    assertEquals("*", response.getHeaderString("Access-Control-Allow-Origin"));
    response.close();
  }

  @Test
  default void jwksWhenRequestedThenNoPrivateMembersInAnyKey() {
    JsonObject jwks = json(request("/jwks.json").get());

    assertFalse(jwks.getJsonArray("keys").isEmpty());
    for (JsonValue key : jwks.getJsonArray("keys")) {
      for (String member : PRIVATE_MEMBERS) {
        assertFalse(key.asJsonObject().containsKey(member), "JWKS leaks private member " + member);
      }
    }
  }

  @Test
  default void jwksWhenRequestedThenEveryKidPresentUniqueAndItsRfc7638Thumbprint()
      throws Exception {
    List<JsonWebKey> keys =
        new JsonWebKeySet(request("/jwks.json").get(String.class)).getJsonWebKeys();

    assertTrue(keys.size() >= 2, "the active key and the next key are both published");
    Set<String> kids = new HashSet<>();
    for (JsonWebKey key : keys) {
      assertTrue(key instanceof RsaJsonWebKey);
      assertNull(((RsaJsonWebKey) key).getPrivateKey());
      assertTrue(((RSAPublicKey) key.getKey()).getModulus().bitLength() >= 2048);
      assertEquals("RS256", key.getAlgorithm());
      assertEquals("sig", key.getUse());
      assertEquals(key.calculateBase64urlEncodedThumbprint(HashUtil.SHA_256), key.getKeyId());
      assertTrue(kids.add(key.getKeyId()), "duplicate kid " + key.getKeyId());
    }
  }
}
