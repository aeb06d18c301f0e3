package dev.gatehouse.clients;

import dev.gatehouse.protocol.CrossOrigin;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A client's accepted metadata, as registered (RFC 7591 §2) with the OpenID Connect additions.
 * Values here are already validated and defaulted; see {@code
 * registration.ClientMetadataValidator}.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7591#section-2">RFC 7591 §2</a>
 * @see <a
 *     href="https://openid.net/specs/openid-connect-registration-1_0.html#ClientMetadata">OpenID
 *     Connect Dynamic Client Registration 1.0 §2</a>
 */
public record ClientMetadata(
    List<String> redirectUris,
    List<String> postLogoutRedirectUris,
    String clientName,
    List<String> grantTypes,
    List<String> responseTypes,
    String scope,
    String tokenEndpointAuthMethod,
    JsonObject jwks,
    String jwksUri,
    String applicationType,
    List<String> contacts,
    Map<String, String> uris,
    String idTokenSignedResponseAlg,
    String accessTokenProfile,
    List<String> resources,
    String tokenEndpointAuthSigningAlg) {

  /** The scopes about the signed-in user (OpenID Connect Core §5.4, §11), open to every client. */
  public static final Set<String> USER_SCOPES =
      Set.of("openid", "profile", "email", "address", "phone", "offline_access");

  public static final String REDIRECT_URIS = "redirect_uris";
  public static final String POST_LOGOUT_REDIRECT_URIS = "post_logout_redirect_uris";
  public static final String CLIENT_NAME = "client_name";
  public static final String GRANT_TYPES = "grant_types";
  public static final String RESPONSE_TYPES = "response_types";
  public static final String SCOPE = "scope";
  public static final String TOKEN_ENDPOINT_AUTH_METHOD = "token_endpoint_auth_method";
  public static final String JWKS = "jwks";
  public static final String JWKS_URI = "jwks_uri";
  public static final String APPLICATION_TYPE = "application_type";
  public static final String CONTACTS = "contacts";
  public static final String ID_TOKEN_SIGNED_RESPONSE_ALG = "id_token_signed_response_alg";

  /**
   * The one algorithm the client's private_key_jwt assertions must be signed with (OpenID Connect
   * Dynamic Client Registration §2); absent: any of {@link AuthMethods#ASSERTION_ALGORITHMS}.
   */
  public static final String TOKEN_ENDPOINT_AUTH_SIGNING_ALG = "token_endpoint_auth_signing_alg";

  /**
   * Gatehouse extension: the access-token profile, {@code rfc9068} (default, {@code typ: at+jwt})
   * or {@code mp-jwt} ({@code typ: JWT} with upn, preferred_username and groups, which unmodified
   * MicroProfile JWT services accept).
   */
  public static final String ACCESS_TOKEN_PROFILE = "access_token_profile";

  /**
   * Gatehouse extension: the RFC 8707 resources (absolute URIs) a client_credentials token of this
   * client may be for. When set, only these (and the default audience); when not, those of {@code
   * oidc.token.resources}. Set by the operator at /admin/clients: registration cannot set it, and
   * an update by the client may narrow it, never add to it or drop it.
   */
  public static final String RESOURCES = "resources";

  /** The longest metadata, as {@link #toJson()} writes it, that a client row stores. */
  public static final int MAX_STORED_LENGTH = 32000;

  /** The longest resource URI (a grant stores up to 2000 characters of audience). */
  public static final int MAX_RESOURCE_LENGTH = 1000;

  public static final String PROFILE_RFC9068 = "rfc9068";
  public static final String PROFILE_MP_JWT = "mp-jwt";

  /** Informational URLs shown to users (RFC 7591 §2): all validated the same way. */
  public static final List<String> URI_MEMBERS =
      List.of("client_uri", "logo_uri", "policy_uri", "tos_uri");

  private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

  public ClientMetadata {
    redirectUris = List.copyOf(redirectUris);
    postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
    grantTypes = List.copyOf(grantTypes);
    responseTypes = List.copyOf(responseTypes);
    contacts = List.copyOf(contacts);
    uris = Map.copyOf(uris);
    resources = List.copyOf(resources);
  }

  public boolean isPublic() {
    return AuthMethods.NONE.equals(tokenEndpointAuthMethod);
  }

  /**
   * Whether a browser origin ({@code Origin} header) is the origin of one of the redirect URIs: the
   * only pages that receive this client's codes.
   */
  public boolean hasRedirectOrigin(String origin) {
    return redirectUris.stream()
        .map(CrossOrigin::originOf)
        .anyMatch(o -> o.isPresent() && o.get().equals(origin));
  }

  /** The algorithms this client's assertions may be signed with. */
  public List<String> assertionAlgorithms() {
    return tokenEndpointAuthSigningAlg == null
        ? AuthMethods.ASSERTION_ALGORITHMS
        : List.of(tokenEndpointAuthSigningAlg);
  }

  public boolean usesMpJwtProfile() {
    return PROFILE_MP_JWT.equals(accessTokenProfile);
  }

  public boolean allowsGrant(String grantType) {
    return grantTypes.contains(grantType);
  }

  /**
   * The API scopes of a registered {@code scope} value (null: none): its scopes other than the user
   * scopes, in order. What a client gets without a user.
   */
  public static List<String> apiScopes(String scope) {
    return scope == null
        ? List.of()
        : Arrays.stream(scope.split(" "))
            .filter(s -> !s.isEmpty() && !USER_SCOPES.contains(s))
            .toList();
  }

  /** Whether the client may be granted a scope: a user scope, or one its registration lists. */
  public boolean allowsScope(String scope) {
    return USER_SCOPES.contains(scope)
        || (this.scope != null && List.of(this.scope.split(" ")).contains(scope));
  }

  /**
   * The metadata as the registration response shows it (RFC 7591 §3.2.1); absent values omitted.
   */
  public JsonObjectBuilder toJson() {
    JsonObjectBuilder json = JSON.createObjectBuilder();
    json.add(REDIRECT_URIS, JSON.createArrayBuilder(redirectUris));
    if (!postLogoutRedirectUris.isEmpty()) {
      json.add(POST_LOGOUT_REDIRECT_URIS, JSON.createArrayBuilder(postLogoutRedirectUris));
    }
    addIfPresent(json, CLIENT_NAME, clientName);
    json.add(GRANT_TYPES, JSON.createArrayBuilder(grantTypes));
    json.add(RESPONSE_TYPES, JSON.createArrayBuilder(responseTypes));
    addIfPresent(json, SCOPE, scope);
    json.add(TOKEN_ENDPOINT_AUTH_METHOD, tokenEndpointAuthMethod);
    addIfPresent(json, TOKEN_ENDPOINT_AUTH_SIGNING_ALG, tokenEndpointAuthSigningAlg);
    if (jwks != null) {
      json.add(JWKS, jwks);
    }
    addIfPresent(json, JWKS_URI, jwksUri);
    json.add(APPLICATION_TYPE, applicationType);
    if (!contacts.isEmpty()) {
      json.add(CONTACTS, JSON.createArrayBuilder(contacts));
    }
    URI_MEMBERS.forEach(name -> addIfPresent(json, name, uris.get(name)));
    json.add(ID_TOKEN_SIGNED_RESPONSE_ALG, idTokenSignedResponseAlg);
    json.add(ACCESS_TOKEN_PROFILE, accessTokenProfile);
    if (!resources.isEmpty()) {
      json.add(RESOURCES, JSON.createArrayBuilder(resources));
    }
    return json;
  }

  /** Reads metadata stored by {@link #toJson()}; trusts it (it was validated on the way in). */
  public static ClientMetadata fromJson(JsonObject json) {
    Map<String, String> uris =
        URI_MEMBERS.stream()
            .filter(json::containsKey)
            .collect(java.util.stream.Collectors.toMap(n -> n, json::getString));
    return new ClientMetadata(
        strings(json, REDIRECT_URIS),
        strings(json, POST_LOGOUT_REDIRECT_URIS),
        json.getString(CLIENT_NAME, null),
        strings(json, GRANT_TYPES),
        strings(json, RESPONSE_TYPES),
        json.getString(SCOPE, null),
        json.getString(TOKEN_ENDPOINT_AUTH_METHOD),
        json.containsKey(JWKS) ? json.getJsonObject(JWKS) : null,
        json.getString(JWKS_URI, null),
        json.getString(APPLICATION_TYPE),
        strings(json, CONTACTS),
        uris,
        json.getString(ID_TOKEN_SIGNED_RESPONSE_ALG),
        json.getString(ACCESS_TOKEN_PROFILE, PROFILE_RFC9068),
        strings(json, RESOURCES),
        json.getString(TOKEN_ENDPOINT_AUTH_SIGNING_ALG, null));
  }

  private static List<String> strings(JsonObject json, String name) {
    JsonArray array = json.containsKey(name) ? json.getJsonArray(name) : JsonValue.EMPTY_JSON_ARRAY;
    return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
  }

  private static void addIfPresent(JsonObjectBuilder json, String name, String value) {
    if (value != null) {
      json.add(name, value);
    }
  }
}
