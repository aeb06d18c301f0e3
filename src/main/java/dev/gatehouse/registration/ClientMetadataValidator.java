package dev.gatehouse.registration;

import dev.gatehouse.clients.AuthMethods;
import dev.gatehouse.clients.ClientMetadata;
import dev.gatehouse.protocol.OAuthException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * Turns a registration request into accepted, defaulted metadata, or rejects it with the RFC 7591
 * §3.2.2 error. Unknown members are ignored, as RFC 7591 §2 requires.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7591#section-2">RFC 7591 §2</a>
 * @see <a
 *     href="https://openid.net/specs/openid-connect-registration-1_0.html#ClientMetadata">OpenID
 *     Connect Dynamic Client Registration 1.0 §2</a>
 */
public final class ClientMetadataValidator {

  static final String AUTHORIZATION_CODE = "authorization_code";
  static final String REFRESH_TOKEN = "refresh_token";
  static final String CLIENT_CREDENTIALS = "client_credentials";
  static final List<String> GRANT_TYPES =
      List.of(AUTHORIZATION_CODE, REFRESH_TOKEN, CLIENT_CREDENTIALS);
  static final String CODE = "code";
  static final String WEB = "web";
  static final String NATIVE = "native";
  static final int MAX_STRING = 2000;
  static final int MAX_ITEMS = 50;
  static final int MAX_SCOPE_LENGTH = 1900;

  // RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
  private static final Pattern SCOPE =
      Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+( [\\x21\\x23-\\x5B\\x5D-\\x7E]+)*");

  private ClientMetadataValidator() {}

  public static ClientMetadata validate(JsonObject request) {
    List<String> grantTypes =
        stringList(request, ClientMetadata.GRANT_TYPES, List.of(AUTHORIZATION_CODE));
    List<String> responseTypes = responseTypes(request, grantTypes);
    String applicationType = string(request, ClientMetadata.APPLICATION_TYPE, WEB);
    if (!applicationType.equals(WEB) && !applicationType.equals(NATIVE)) {
      throw OAuthException.invalidClientMetadata("application_type must be web or native");
    }
    List<String> redirectUris = stringList(request, ClientMetadata.REDIRECT_URIS, List.of());
    if (grantTypes.contains(AUTHORIZATION_CODE) && redirectUris.isEmpty()) {
      throw OAuthException.invalidRedirectUri(
          "redirect_uris is required for the authorization_code grant");
    }
    boolean nativeApp = applicationType.equals(NATIVE);
    redirectUris.forEach(uri -> RedirectUriRules.check(uri, nativeApp, "redirect_uris"));
    List<String> postLogout =
        stringList(request, ClientMetadata.POST_LOGOUT_REDIRECT_URIS, List.of());
    postLogout.forEach(uri -> RedirectUriRules.check(uri, nativeApp, "post_logout_redirect_uris"));
    String authMethod = authMethod(request, grantTypes);
    JsonObject jwks = jwks(request);
    String jwksUri = string(request, ClientMetadata.JWKS_URI, null);
    checkKeys(authMethod, jwks, jwksUri);
    return fitsItsRow(
        new ClientMetadata(
            redirectUris,
            postLogout,
            string(request, ClientMetadata.CLIENT_NAME, null),
            grantTypes,
            responseTypes,
            scope(request),
            authMethod,
            jwks,
            jwksUri,
            applicationType,
            stringList(request, ClientMetadata.CONTACTS, List.of()),
            informationalUris(request),
            idTokenAlg(request),
            accessTokenProfile(request),
            resources(request, grantTypes),
            assertionAlg(request, authMethod)));
  }

  /**
   * OpenID Connect Dynamic Client Registration §2: the one algorithm the client's assertions will
   * be signed with (then any other is refused); for private_key_jwt only, one this provider
   * accepts.
   */
  private static String assertionAlg(JsonObject request, String authMethod) {
    String alg = string(request, ClientMetadata.TOKEN_ENDPOINT_AUTH_SIGNING_ALG, null);
    if (alg == null) {
      return null;
    }
    if (!authMethod.equals(AuthMethods.PRIVATE_KEY_JWT)) {
      throw OAuthException.invalidClientMetadata(
          "token_endpoint_auth_signing_alg is for private_key_jwt clients only");
    }
    if (!AuthMethods.ASSERTION_ALGORITHMS.contains(alg)) {
      throw OAuthException.invalidClientMetadata(
          "token_endpoint_auth_signing_alg must be one of "
              + String.join(", ", AuthMethods.ASSERTION_ALGORITHMS));
    }
    return alg;
  }

  /**
   * Each member has its own bounds, but together they may still be more than a client row stores (a
   * body of 64 KiB can hold 20 redirect URIs of 2000 characters): refused here, not by the
   * database.
   */
  private static ClientMetadata fitsItsRow(ClientMetadata metadata) {
    if (metadata.toJson().build().toString().length() > ClientMetadata.MAX_STORED_LENGTH) {
      throw OAuthException.invalidClientMetadata(
          "The client metadata is too large: at most "
              + ClientMetadata.MAX_STORED_LENGTH
              + " characters in all");
    }
    return metadata;
  }

  /** RFC 8707 resources: absolute URIs without a fragment, for a client_credentials client. */
  private static List<String> resources(JsonObject request, List<String> grantTypes) {
    List<String> resources = stringList(request, ClientMetadata.RESOURCES, List.of());
    if (!resources.isEmpty() && !grantTypes.contains(CLIENT_CREDENTIALS)) {
      throw OAuthException.invalidClientMetadata(
          "resources are for client_credentials clients: a user's tokens are for the default"
              + " audience");
    }
    for (String resource : resources) {
      if (resource.length() > ClientMetadata.MAX_RESOURCE_LENGTH) {
        throw OAuthException.invalidClientMetadata("resources: a resource is too long");
      }
      RedirectUriRules.checkAbsolute(resource, ClientMetadata.RESOURCES);
    }
    return List.copyOf(new LinkedHashSet<>(resources));
  }

  private static String accessTokenProfile(JsonObject request) {
    String profile =
        string(request, ClientMetadata.ACCESS_TOKEN_PROFILE, ClientMetadata.PROFILE_RFC9068);
    if (!profile.equals(ClientMetadata.PROFILE_RFC9068)
        && !profile.equals(ClientMetadata.PROFILE_MP_JWT)) {
      throw OAuthException.invalidClientMetadata("access_token_profile must be rfc9068 or mp-jwt");
    }
    return profile;
  }

  private static List<String> responseTypes(JsonObject request, List<String> grantTypes) {
    for (String grant : grantTypes) {
      if (!GRANT_TYPES.contains(grant)) {
        throw OAuthException.invalidClientMetadata("Unsupported grant type: " + grant);
      }
    }
    boolean codeFlow = grantTypes.contains(AUTHORIZATION_CODE);
    // RFC 7591 §2: response_types defaults to "code"; a client without the code grant has none.
    List<String> responseTypes =
        stringList(request, ClientMetadata.RESPONSE_TYPES, codeFlow ? List.of(CODE) : List.of());
    for (String type : responseTypes) {
      if (!type.equals(CODE)) {
        throw OAuthException.invalidClientMetadata("Unsupported response type: " + type);
      }
    }
    // RFC 7591 §2.1: response type "code" goes with the authorization_code grant, both ways.
    if (responseTypes.contains(CODE) != codeFlow) {
      throw OAuthException.invalidClientMetadata(
          "response_types code and grant_types authorization_code must be registered together");
    }
    if (grantTypes.contains(REFRESH_TOKEN) && !codeFlow) {
      throw OAuthException.invalidClientMetadata(
          "refresh_token requires the authorization_code grant");
    }
    return responseTypes;
  }

  private static String authMethod(JsonObject request, List<String> grantTypes) {
    String method =
        string(request, ClientMetadata.TOKEN_ENDPOINT_AUTH_METHOD, AuthMethods.CLIENT_SECRET_BASIC);
    if (!AuthMethods.SUPPORTED.contains(method)) {
      throw OAuthException.invalidClientMetadata(
          "Unsupported token_endpoint_auth_method: " + method);
    }
    if (method.equals(AuthMethods.NONE) && grantTypes.contains(CLIENT_CREDENTIALS)) {
      throw OAuthException.invalidClientMetadata(
          "A public client (none) cannot use client_credentials");
    }
    return method;
  }

  private static JsonObject jwks(JsonObject request) {
    JsonValue value = request.get(ClientMetadata.JWKS);
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw OAuthException.invalidClientMetadata("jwks must be a JWK Set object");
    }
    // RFC 7517 §5: "keys" is an array of JWK objects. Checked here, since jose4j casts blindly
    // (a ClassCastException otherwise) and skips the keys it cannot read, which would then be
    // stored unchecked.
    JsonValue entries = value.asJsonObject().get("keys");
    if (entries == null
        || entries.getValueType() != JsonValue.ValueType.ARRAY
        || entries.asJsonArray().isEmpty()) {
      throw OAuthException.invalidClientMetadata("jwks has no usable keys");
    }
    if (entries.asJsonArray().stream()
        .anyMatch(entry -> entry.getValueType() != JsonValue.ValueType.OBJECT)) {
      throw OAuthException.invalidClientMetadata("jwks keys must be JWK objects");
    }
    try {
      List<JsonWebKey> keys = new JsonWebKeySet(value.toString()).getJsonWebKeys();
      if (keys.size() != entries.asJsonArray().size()) {
        throw OAuthException.invalidClientMetadata("jwks holds a key that is not a valid JWK");
      }
      for (JsonWebKey key : keys) {
        if (!(key instanceof PublicJsonWebKey pub) || pub.getPrivateKey() != null) {
          throw OAuthException.invalidClientMetadata("jwks must hold public asymmetric keys only");
        }
      }
    } catch (JoseException | RuntimeException e) {
      if (e instanceof OAuthException refusal) {
        throw refusal;
      }
      throw OAuthException.invalidClientMetadata("jwks is not a valid JWK Set");
    }
    return value.asJsonObject();
  }

  private static void checkKeys(String method, JsonObject jwks, String jwksUri) {
    if (jwks != null && jwksUri != null) {
      throw OAuthException.invalidClientMetadata("jwks and jwks_uri must not both be present");
    }
    if (jwksUri != null) {
      RedirectUriRules.checkWebUrl(jwksUri, ClientMetadata.JWKS_URI);
    }
    if (method.equals(AuthMethods.PRIVATE_KEY_JWT) && jwks == null && jwksUri == null) {
      throw OAuthException.invalidClientMetadata("private_key_jwt requires jwks or jwks_uri");
    }
  }

  private static String scope(JsonObject request) {
    String scope = string(request, ClientMetadata.SCOPE, null);
    if (scope != null && !SCOPE.matcher(scope).matches()) {
      throw OAuthException.invalidClientMetadata("scope must be space-separated scope tokens");
    }
    // With the user scopes beside them, the scopes of a grant or consent must fit their column.
    if (scope != null && scope.length() > MAX_SCOPE_LENGTH) {
      throw OAuthException.invalidClientMetadata(
          "scope must be at most " + MAX_SCOPE_LENGTH + " characters");
    }
    return scope == null ? null : String.join(" ", new LinkedHashSet<>(List.of(scope.split(" "))));
  }

  private static Map<String, String> informationalUris(JsonObject request) {
    Map<String, String> uris = new HashMap<>();
    for (String name : ClientMetadata.URI_MEMBERS) {
      String uri = string(request, name, null);
      if (uri != null) {
        RedirectUriRules.checkWebUrl(uri, name);
        uris.put(name, uri);
      }
    }
    return uris;
  }

  private static String idTokenAlg(JsonObject request) {
    String alg = string(request, ClientMetadata.ID_TOKEN_SIGNED_RESPONSE_ALG, "RS256");
    if (!alg.equals("RS256")) {
      throw OAuthException.invalidClientMetadata("id_token_signed_response_alg must be RS256");
    }
    return alg;
  }

  static String string(JsonObject request, String name, String fallback) {
    JsonValue value = request.get(name);
    if (value == null || value == JsonValue.NULL) {
      return fallback;
    }
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      throw OAuthException.invalidClientMetadata(name + " must be a string");
    }
    String s = ((JsonString) value).getString();
    if (s.isEmpty() || s.length() > MAX_STRING) {
      throw OAuthException.invalidClientMetadata(
          name + " must be a non-empty string of at most " + MAX_STRING + " characters");
    }
    if (hasControlCharacter(s)) {
      throw OAuthException.invalidClientMetadata(name + " must not hold control characters");
    }
    return s;
  }

  /**
   * A name, URI or address has no use for a control character (U+0000 to U+001F, U+007F), and
   * U+0000 cannot even be stored in PostgreSQL text.
   */
  private static boolean hasControlCharacter(String s) {
    return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
  }

  static List<String> stringList(JsonObject request, String name, List<String> fallback) {
    JsonValue value = request.get(name);
    if (value == null || value == JsonValue.NULL) {
      return fallback;
    }
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      throw error(name, name + " must be an array of strings");
    }
    JsonArray array = value.asJsonArray();
    if (array.size() > MAX_ITEMS) {
      throw error(name, name + " has more than " + MAX_ITEMS + " entries");
    }
    List<String> values = new ArrayList<>();
    for (JsonValue item : array) {
      if (item.getValueType() != JsonValue.ValueType.STRING
          || ((JsonString) item).getString().isEmpty()
          || ((JsonString) item).getString().length() > MAX_STRING) {
        throw error(name, name + " must be an array of non-empty strings");
      }
      String s = ((JsonString) item).getString();
      if (hasControlCharacter(s)) {
        throw error(name, name + " must not hold control characters");
      }
      if (!values.contains(s)) {
        values.add(s);
      }
    }
    return values;
  }

  private static OAuthException error(String name, String description) {
    return name.endsWith("redirect_uris")
        ? OAuthException.invalidRedirectUri(description)
        : OAuthException.invalidClientMetadata(description);
  }
}
