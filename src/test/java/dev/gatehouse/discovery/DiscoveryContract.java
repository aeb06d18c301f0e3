package dev.gatehouse.discovery;

import static dev.gatehouse.testing.TestServer.issuer;
import static dev.gatehouse.testing.TestServer.json;
import static dev.gatehouse.testing.TestServer.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** OpenID Connect Discovery 1.0 §4 and RFC 8414 §3 over HTTP. */
public interface DiscoveryContract {

  @Test
  default void openidConfigurationWhenRequestedThenExactIssuerAndJwksUri() {
    Response response = request("/.well-known/openid-configuration").get();

    assertEquals(200, response.getStatus());
    assertTrue(response.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE));
    assertTrue(response.getHeaderString("Cache-Control").contains("max-age="));
    JsonObject metadata = json(response);
    // Discovery §4.3: the issuer value must be identical to the configured issuer.
    assertEquals(issuer(), metadata.getString("issuer"));
    assertEquals(issuer() + "/jwks.json", metadata.getString("jwks_uri"));
    assertEquals(issuer() + "/authorize", metadata.getString("authorization_endpoint"));
    assertEquals(issuer() + "/token", metadata.getString("token_endpoint"));
    assertEquals(issuer() + "/userinfo", metadata.getString("userinfo_endpoint"));
    assertEquals(issuer() + "/logout", metadata.getString("end_session_endpoint"));
    assertEquals("[\"code\"]", metadata.getJsonArray("response_types_supported").toString());
    assertEquals(
        "[\"S256\"]", metadata.getJsonArray("code_challenge_methods_supported").toString());
    assertEquals(
        "[\"RS256\"]", metadata.getJsonArray("id_token_signing_alg_values_supported").toString());
    assertEquals("[\"public\"]", metadata.getJsonArray("subject_types_supported").toString());
    assertTrue(metadata.getBoolean("authorization_response_iss_parameter_supported"));
  }

  @Test
  default void oauthAuthorizationServerWhenRequestedThenSameMetadataAsOpenidConfiguration() {
    JsonObject oidc = json(request("/.well-known/openid-configuration").get());
    JsonObject oauth = json(request("/.well-known/oauth-authorization-server").get());

    assertEquals(oidc, oauth);
  }

  @Test
  default void metadataWhenRequestedThenIntrospectionRevocationAndGrantTypesAdvertised() {
    JsonObject metadata = json(request("/.well-known/openid-configuration").get());

    assertEquals(issuer() + "/introspect", metadata.getString("introspection_endpoint"));
    assertEquals(issuer() + "/revoke", metadata.getString("revocation_endpoint"));
    assertEquals(
        "[\"client_secret_basic\",\"client_secret_post\",\"private_key_jwt\"]",
        metadata.getJsonArray("introspection_endpoint_auth_methods_supported").toString(),
        "public clients cannot introspect");
    assertEquals(
        "[\"client_secret_basic\",\"client_secret_post\",\"private_key_jwt\",\"none\"]",
        metadata.getJsonArray("revocation_endpoint_auth_methods_supported").toString());
    for (String member :
        new String[] {
          "introspection_endpoint_auth_signing_alg_values_supported",
          "revocation_endpoint_auth_signing_alg_values_supported"
        }) {
      assertTrue(metadata.getJsonArray(member).toString().contains("\"RS256\""), member);
      assertFalse(metadata.getJsonArray(member).toString().contains("HS256"), member);
    }
    assertEquals(
        "[\"authorization_code\",\"refresh_token\",\"client_credentials\"]",
        metadata.getJsonArray("grant_types_supported").toString());
  }

  @Test
  default void metadataWhenFetchedCrossOriginThenCorsAllowed() {
    Response response =
        request("/.well-known/openid-configuration").header("Origin", "https://spa.example").get();

    assertEquals("*", response.getHeaderString("Access-Control-Allow-Origin"));
    response.close();
  }
}
