package dev.gatehouse.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.clients.ClientMetadata;
import dev.gatehouse.protocol.OAuthError;
import dev.gatehouse.protocol.OAuthException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.RsaJwkGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientMetadataValidatorTest {

  static JsonObject json(String text) {
    try (JsonReader reader = Json.createReader(new StringReader(text.replace('\'', '"')))) {
      return reader.readObject();
    }
  }

  static OAuthException rejected(String request) {
    return assertThrows(
        OAuthException.class, () -> ClientMetadataValidator.validate(json(request)));
  }

  /** Beside the user scopes, a grant's or consent's scopes must fit their 2000-character column. */
  @Test
  void validateWhenScopeLongerThan1900CharactersThenRejected() {
    String fits = "api." + "x".repeat(ClientMetadataValidator.MAX_SCOPE_LENGTH - 4);
    String base = "{'redirect_uris':['https://app.example/cb'],'scope':'";

    assertEquals(fits, ClientMetadataValidator.validate(json(base + fits + "'}")).scope());
    assertTrue(rejected(base + fits + "x'}").description().contains("at most 1900"));
  }

  @Test
  void validateWhenOnlyRedirectUrisThenRfc7591Defaults() {
    ClientMetadata m =
        ClientMetadataValidator.validate(json("{'redirect_uris':['https://app.example/cb']}"));

    assertEquals(List.of("authorization_code"), m.grantTypes());
    assertEquals(List.of("code"), m.responseTypes());
    assertEquals("client_secret_basic", m.tokenEndpointAuthMethod());
    assertEquals("web", m.applicationType());
    assertEquals("RS256", m.idTokenSignedResponseAlg());
    assertNull(m.scope());
  }

  @Test
  void validateWhenClientCredentialsOnlyThenNoRedirectUrisAndNoResponseTypes() {
    ClientMetadata m =
        ClientMetadataValidator.validate(json("{'grant_types':['client_credentials']}"));

    assertEquals(List.of(), m.responseTypes());
    assertEquals(List.of(), m.redirectUris());
  }

  @Test
  void validateWhenMachineClientListsResourcesThenKeptOnceEachAndStoredAndShown() {
    ClientMetadata m =
        ClientMetadataValidator.validate(
            json(
                "{'grant_types':['client_credentials'],'resources':"
                    + "['https://api.example/orders','urn:example:ledger',"
                    + "'https://api.example/orders']}"));

    assertEquals(List.of("https://api.example/orders", "urn:example:ledger"), m.resources());
    assertEquals(m, ClientMetadata.fromJson(m.toJson().build()), "stored and read back");
    assertEquals(
        List.of(),
        ClientMetadataValidator.validate(json("{'grant_types':['client_credentials']}"))
            .resources());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{'grant_types':['client_credentials'],'resources':['relative/path']}",
        "{'grant_types':['client_credentials'],'resources':['https://api.example/a#f']}",
        "{'grant_types':['client_credentials'],'resources':['https://api example/']}",
        "{'grant_types':['client_credentials'],'resources':'https://api.example/'}",
        "{'grant_types':['client_credentials'],'resources':[42]}",
        "{'redirect_uris':['https://app.example/cb'],'resources':['https://api.example/']}"
      })
  void validateWhenResourcesInvalidOrNotForAMachineClientThenInvalidClientMetadata(String request) {
    assertEquals(OAuthError.INVALID_CLIENT_METADATA, rejected(request).error());
  }

  @Test
  void validateWhenResourceLongerThanATokenRequestMayNameThenInvalidClientMetadata() {
    String longest = "https://api.example/" + "x".repeat(ClientMetadata.MAX_RESOURCE_LENGTH - 20);
    String request = "{'grant_types':['client_credentials'],'resources':['%s']}";

    assertEquals(
        List.of(longest),
        ClientMetadataValidator.validate(json(request.formatted(longest))).resources());
    assertEquals(
        OAuthError.INVALID_CLIENT_METADATA, rejected(request.formatted(longest + "x")).error());
  }

  @Test
  void validateWhenMembersTogetherLargerThanTheClientRowThenInvalidClientMetadata() {
    String uris =
        IntStream.range(0, 20)
            .mapToObj(i -> "'https://app.example/" + i + "x".repeat(1900) + "'")
            .collect(Collectors.joining(","));
    String fewer =
        IntStream.range(0, 10)
            .mapToObj(i -> "'https://app.example/" + i + "x".repeat(1900) + "'")
            .collect(Collectors.joining(","));

    assertEquals(
        OAuthError.INVALID_CLIENT_METADATA,
        rejected("{'redirect_uris':[" + uris + "]}").error(),
        "each URI within its bound, together over 32000 characters");
    assertEquals(
        10,
        ClientMetadataValidator.validate(json("{'redirect_uris':[" + fewer + "]}"))
            .redirectUris()
            .size());
  }

  @Test
  void validateWhenUnknownMembersThenIgnored() {
    ClientMetadata m =
        ClientMetadataValidator.validate(
            json("{'redirect_uris':['https://a.example/cb'],'x_custom':42}"));

    assertTrue(m.toJson().build().toString().indexOf("x_custom") < 0);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://app.example/cb",
        "https://app.example/cb?tenant=a",
        "http://localhost:3000/cb",
        "http://127.0.0.1/cb",
        "http://[::1]:8080/cb"
      })
  void validateWhenWebRedirectUriHttpsOrLoopbackThenAccepted(String uri) {
    ClientMetadata m = ClientMetadataValidator.validate(json("{'redirect_uris':['" + uri + "']}"));

    assertEquals(List.of(uri), m.redirectUris());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://app.example/cb#frag",
        "/relative/cb",
        "app.example/cb",
        "http://app.example/cb",
        "com.example.app:/cb",
        "javascript:alert(1)",
        "https://bad host/cb",
        "https:///nohost"
      })
  void validateWhenWebRedirectUriNotAllowedThenInvalidRedirectUri(String uri) {
    OAuthException e = rejected("{'redirect_uris':['" + uri + "']}");

    assertEquals(OAuthError.INVALID_REDIRECT_URI, e.error());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "com.example.app:/oauth2redirect",
        "http://127.0.0.1:51234/cb",
        "https://app.example/cb"
      })
  void validateWhenNativeRedirectUriThenCustomSchemeAndLoopbackAccepted(String uri) {
    ClientMetadata m =
        ClientMetadataValidator.validate(
            json(
                "{'application_type':'native','token_endpoint_auth_method':'none','redirect_uris':['"
                    + uri
                    + "']}"));

    assertEquals("native", m.applicationType());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:alert(1)",
        "data:text/html,x",
        "file:///etc/passwd",
        "com.example.app:/cb#x"
      })
  void validateWhenNativeRedirectUriDangerousThenRejected(String uri) {
    OAuthException e = rejected("{'application_type':'native','redirect_uris':['" + uri + "']}");

    assertEquals(OAuthError.INVALID_REDIRECT_URI, e.error());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{}|invalid_redirect_uri|redirect_uris is required",
        "{'redirect_uris':'https://a.example/cb'}|invalid_redirect_uri|array",
        "{'redirect_uris':[42]}|invalid_redirect_uri|array of non-empty strings",
        "{'redirect_uris':['https://a.example/cb'],'grant_types':['password']}|invalid_client_metadata|Unsupported grant type",
        "{'redirect_uris':['https://a.example/cb'],'grant_types':['implicit']}|invalid_client_metadata|Unsupported grant type",
        "{'redirect_uris':['https://a.example/cb'],'response_types':['token']}|invalid_client_metadata|Unsupported response type",
        "{'grant_types':['client_credentials'],'response_types':['code']}|invalid_client_metadata|registered together",
        "{'redirect_uris':['https://a.example/cb'],'response_types':[]}|invalid_client_metadata|registered together",
        "{'grant_types':['refresh_token']}|invalid_client_metadata|requires the authorization_code",
        "{'redirect_uris':['https://a.example/cb'],'token_endpoint_auth_method':'tls_client_auth'}|invalid_client_metadata|Unsupported token_endpoint_auth_method",
        "{'grant_types':['client_credentials'],'token_endpoint_auth_method':'none'}|invalid_client_metadata|cannot use client_credentials",
        "{'redirect_uris':['https://a.example/cb'],'token_endpoint_auth_method':'private_key_jwt'}|invalid_client_metadata|requires jwks or jwks_uri",
        "{'redirect_uris':['https://a.example/cb'],'jwks':'x'}|invalid_client_metadata|JWK Set object",
        "{'redirect_uris':['https://a.example/cb'],'jwks':{'keys':[{'kty':'oct','k':'AAAA'}]}}|invalid_client_metadata|public asymmetric",
        "{'redirect_uris':['https://a.example/cb'],'jwks':{'keys':[]}}|invalid_client_metadata|no usable keys",
        "{'redirect_uris':['https://a.example/cb'],'jwks':{}}|invalid_client_metadata|no usable keys",
        "{'redirect_uris':['https://a.example/cb'],'jwks':{'keys':'x'}}|invalid_client_metadata|no usable keys",
        "{'redirect_uris':['https://a.example/cb'],'jwks':{'keys':{}}}|invalid_client_metadata|no usable keys",
        "{'redirect_uris':['https://a.example/cb'],'jwks':{'keys':[1]}}|invalid_client_metadata|JWK objects",
        "{'redirect_uris':['https://a.example/cb'],'jwks':{'keys':[['x']]}}|invalid_client_metadata|JWK objects",
        "{'redirect_uris':['https://a.example/cb'],'jwks':{'keys':[{'kty':'RSA','d':'AQAB'}]}}|invalid_client_metadata|not a valid JWK",
        "{'redirect_uris':['https://a.example/cb'],'jwks':{'keys':[{'kty':'XYZ'}]}}|invalid_client_metadata|not a valid JWK",
        "{'redirect_uris':['https://a.example/cb'],'jwks':{'keys':[{'kty':42}]}}|invalid_client_metadata|not a valid JWK",
        "{'redirect_uris':['https://a.example/cb'],'jwks':{'keys':[{'kty':'RSA','n':42,'e':'AQAB'}]}}|invalid_client_metadata|not a valid JWK",
        "{'redirect_uris':['https://a.example/cb'],'jwks_uri':'http://keys.example/jwks'}|invalid_client_metadata|https URL",
        "{'redirect_uris':['https://a.example/cb'],'application_type':'desktop'}|invalid_client_metadata|web or native",
        "{'redirect_uris':['https://a.example/cb'],'client_name':42}|invalid_client_metadata|must be a string",
        "{'redirect_uris':['https://a.example/cb'],'client_name':''}|invalid_client_metadata|non-empty",
        "{'redirect_uris':['https://a.example/cb'],'client_name':'a\\u0000b'}|invalid_client_metadata|control characters",
        "{'redirect_uris':['https://a.example/cb'],'client_name':'a\\nb'}|invalid_client_metadata|control characters",
        "{'redirect_uris':['https://a.example/cb'],'contacts':['ops@a.example\\u007f']}|invalid_client_metadata|control characters",
        "{'redirect_uris':['https://a.example/cb\\u0000']}|invalid_redirect_uri|control characters",
        "{'redirect_uris':['https://a.example/cb'],'scope':'openid  profile'}|invalid_client_metadata|scope tokens",
        "{'redirect_uris':['https://a.example/cb'],'logo_uri':'javascript:alert(1)'}|invalid_client_metadata|logo_uri",
        "{'redirect_uris':['https://a.example/cb'],'id_token_signed_response_alg':'none'}|invalid_client_metadata|RS256",
        "{'redirect_uris':['https://a.example/cb'],'id_token_signed_response_alg':'HS256'}|invalid_client_metadata|RS256",
        "{'redirect_uris':['https://a.example/cb'],'post_logout_redirect_uris':['http://evil.example/']}|invalid_redirect_uri|post_logout_redirect_uris",
        "{'redirect_uris':['https://a.example/cb'],'token_endpoint_auth_signing_alg':'RS256'}|invalid_client_metadata|private_key_jwt clients only",
        "{'grant_types':['client_credentials'],'token_endpoint_auth_method':'private_key_jwt','jwks_uri':'https://keys.example/jwks','token_endpoint_auth_signing_alg':'none'}|invalid_client_metadata|must be one of",
        "{'grant_types':['client_credentials'],'token_endpoint_auth_method':'private_key_jwt','jwks_uri':'https://keys.example/jwks','token_endpoint_auth_signing_alg':'HS256'}|invalid_client_metadata|must be one of",
        "{'grant_types':['client_credentials'],'token_endpoint_auth_method':'private_key_jwt','jwks_uri':'https://keys.example/jwks','token_endpoint_auth_signing_alg':42}|invalid_client_metadata|must be a string"
      })
  void validateWhenMetadataContradictoryOrMalformedThenRfc7591Error(
      String request, String error, String words) {
    OAuthException e = rejected(request);

    assertEquals(error, e.error().code());
    assertTrue(e.description().contains(words), e.description());
  }

  /** OpenID Connect Dynamic Client Registration §2: kept, shown, and read back as stored. */
  @Test
  void validateWhenPrivateKeyJwtClientNamesItsAssertionAlgorithmThenKeptAndShown() {
    ClientMetadata m =
        ClientMetadataValidator.validate(
            json(
                "{'grant_types':['client_credentials'],'token_endpoint_auth_method':"
                    + "'private_key_jwt','jwks_uri':'https://keys.example/jwks',"
                    + "'token_endpoint_auth_signing_alg':'PS256'}"));
    ClientMetadata unnamed =
        ClientMetadataValidator.validate(json("{'redirect_uris':['https://a.example/cb']}"));

    assertEquals(List.of("PS256"), m.assertionAlgorithms());
    assertEquals("PS256", m.toJson().build().getString("token_endpoint_auth_signing_alg"));
    assertEquals(m, ClientMetadata.fromJson(m.toJson().build()));
    assertNull(unnamed.tokenEndpointAuthSigningAlg());
    assertTrue(
        !unnamed.toJson().build().containsKey("token_endpoint_auth_signing_alg"),
        "absent when not registered");
  }

  @Test
  void validateWhenJwksHasPrivateKeyThenRejected() throws Exception {
    String jwk = RsaJwkGenerator.generateJwk(2048).toJson(OutputControlLevel.INCLUDE_PRIVATE);

    OAuthException e =
        rejected(
            "{'redirect_uris':['https://a.example/cb'],'jwks':{'keys':["
                + jwk.replace('"', '\'')
                + "]}}");
    assertTrue(e.description().contains("public"));
  }

  @Test
  void validateWhenJwksAndJwksUriBothThenRejected() throws Exception {
    String jwk = RsaJwkGenerator.generateJwk(2048).toJson(OutputControlLevel.PUBLIC_ONLY);

    OAuthException e =
        rejected(
            "{'redirect_uris':['https://a.example/cb'],'jwks_uri':'https://a.example/jwks','jwks':{'keys':["
                + jwk.replace('"', '\'')
                + "]}}");
    assertTrue(e.description().contains("both"));
  }

  @Test
  void validateWhenTooManyRedirectUrisThenRejected() {
    String many = "'https://a.example/cb',".repeat(51);
    OAuthException e = rejected("{'redirect_uris':[" + many.substring(0, many.length() - 1) + "]}");

    assertTrue(e.description().contains("more than"));
  }
}
