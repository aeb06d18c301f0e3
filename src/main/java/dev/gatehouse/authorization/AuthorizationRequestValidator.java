package dev.gatehouse.authorization;

import dev.gatehouse.clients.Client;
import dev.gatehouse.clients.ClientMetadata;
import dev.gatehouse.clients.ClientRepository;
import dev.gatehouse.config.TokenSettings;
import dev.gatehouse.persistence.StoredText;
import dev.gatehouse.protocol.OAuthError;
import dev.gatehouse.protocol.OAuthException;
import dev.gatehouse.token.IdTokenHints;
import dev.gatehouse.token.ResourceIndicators;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

/**
 * Checks an authorization request in the order the specifications require: client, redirect_uri
 * (errors so far are never redirected), then repeated or NUL-holding parameters, request objects
 * (not supported), response_type and the client's right to the code grant, scope, resource (RFC
 * 8707), PKCE, prompt and max_age, nonce (errors go back to the verified redirect_uri). Unknown
 * parameters are ignored; repeated ones are invalid_request.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthRequestValidation">OpenID
 *     Connect Core §3.1.2.2</a>
 */
@ApplicationScoped
public class AuthorizationRequestValidator {

  /** The longest state accepted, in characters. */
  static final int MAX_STATE = 4096;

  static final Set<String> PROMPTS = Set.of("none", "login", "consent", "select_account");

  @Inject ClientRepository clients;
  @Inject IdTokenHints hints;
  @Inject TokenSettings tokenSettings;

  /** A validated request and the client it is for. */
  public record Validated(AuthorizationRequest request, ClientMetadata client) {}

  /** Validates the parameters as sent, less those sent without a value (FormBody). */
  public Validated validate(MultivaluedMap<String, String> params) {
    Client client = checkClient(params);
    String redirectUri = checkRedirectUri(params, client.metadata());
    checkStateLength(params);
    Step step = new Step(params, redirectUri);
    checkNoRepeats(params, step);
    checkNoRequestObject(step);
    checkResponseType(step, client.metadata());
    List<String> scopes = checkScope(step, client.metadata());
    checkResource(step);
    String challenge = checkPkce(step, client.metadata());
    Set<String> prompt = checkPrompt(step);
    Integer maxAge = checkMaxAge(step);
    String nonce = checkNonce(step);
    return new Validated(
        new AuthorizationRequest(
            client.clientId(),
            redirectUri,
            scopes,
            step.state,
            nonce,
            challenge,
            prompt,
            maxAge,
            checkLoginHint(step),
            checkIdTokenHint(step),
            askEveryTime(client.metadata(), redirectUri, scopes)),
        client.metadata());
  }

  /**
   * Whether a remembered consent may not skip the consent page: for a public client redirecting
   * elsewhere than https (RFC 8252 §8.6: any app on the device may claim that address), and for a
   * native client asking for offline access (OpenID Connect Core §11: consent to it is received
   * explicitly each time from native clients).
   */
  static boolean askEveryTime(ClientMetadata client, String redirectUri, List<String> scopes) {
    return client.isPublic() && !redirectUri.startsWith("https:")
        || "native".equals(client.applicationType()) && scopes.contains("offline_access");
  }

  private Client checkClient(MultivaluedMap<String, String> params) {
    List<String> ids = params.get("client_id");
    if (ids == null || ids.size() != 1 || ids.get(0).isEmpty()) {
      throw new AuthorizationPageException("The request has no valid client_id.");
    }
    return clients
        .find(ids.get(0))
        .orElseThrow(() -> new AuthorizationPageException("The client is not registered."));
  }

  private static String checkRedirectUri(
      MultivaluedMap<String, String> params, ClientMetadata client) {
    List<String> uris = params.get("redirect_uri");
    if (uris == null || uris.size() != 1) {
      throw new AuthorizationPageException("The request must carry exactly one redirect_uri.");
    }
    String uri = uris.get(0);
    // RFC 9700 §2.1: exact match; never redirect to an unregistered URI.
    if (!RedirectUris.matches(
        client.redirectUris(), uri, "native".equals(client.applicationType()))) {
      throw new AuthorizationPageException("The redirect_uri is not registered for this client.");
    }
    return uri;
  }

  /**
   * RFC 6749 §3.1: no parameter more than once, but {@code resource}, which RFC 8707 §2 lets a
   * client repeat (judged by {@link #checkResource}).
   */
  private static void checkNoRepeats(MultivaluedMap<String, String> params, Step step) {
    params.forEach(
        (name, values) -> {
          if (values.size() > 1 && !name.equals("resource")) {
            throw step.error(OAuthError.INVALID_REQUEST, "Parameter " + name + " is repeated");
          }
          // Stored with the pending request: a NUL no parameter may hold fails the database.
          if (!values.stream().allMatch(StoredText::storable)) {
            throw step.error(
                OAuthError.INVALID_REQUEST, "Parameter " + name + " holds a NUL character");
          }
        });
  }

  /**
   * Request objects are not supported (discovery says so): refused, never ignored, since their
   * claims would override the parameters the user is shown.
   *
   * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthError">Core §3.1.2.6,
   *     §6</a>
   */
  private static void checkNoRequestObject(Step step) {
    if (step.param("request") != null) {
      throw step.error(OAuthError.REQUEST_NOT_SUPPORTED, "The request parameter is not supported");
    }
    if (step.param("request_uri") != null) {
      throw step.error(
          OAuthError.REQUEST_URI_NOT_SUPPORTED, "The request_uri parameter is not supported");
    }
  }

  private static void checkResponseType(Step step, ClientMetadata client) {
    String responseType = step.param("response_type");
    if (responseType == null) {
      throw step.error(OAuthError.INVALID_REQUEST, "response_type is required");
    }
    if (!responseType.equals("code")) {
      throw step.error(
          OAuthError.UNSUPPORTED_RESPONSE_TYPE, "Only response_type code is supported");
    }
    String mode = step.param("response_mode");
    if (mode != null && !mode.equals("query")) {
      throw step.error(OAuthError.INVALID_REQUEST, "Only response_mode query is supported");
    }
    // RFC 6749 §4.1.2.1: a client registered for other grants only gets no code (and no consent).
    if (!client.allowsGrant("authorization_code")) {
      throw step.error(
          OAuthError.UNAUTHORIZED_CLIENT,
          "The client is not registered for the authorization_code grant");
    }
  }

  private static List<String> checkScope(Step step, ClientMetadata client) {
    String scope = step.param("scope");
    Set<String> requested =
        scope == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(scope.trim().split(" +")));
    if (!requested.contains("openid")) {
      throw step.error(OAuthError.INVALID_SCOPE, "The openid scope is required");
    }
    for (String s : requested) {
      if (!client.allowsScope(s)) {
        throw step.error(
            OAuthError.INVALID_SCOPE, "Scope " + s + " is not allowed for this client");
      }
    }
    if (requested.contains("offline_access") && !client.allowsGrant("refresh_token")) {
      requested.remove("offline_access");
    }
    return List.copyOf(requested);
  }

  /**
   * RFC 8707 §2: a resource the tokens of this grant cannot be for (they are for the default
   * audience) is invalid_target now, before the user signs in, not a code whose redemption the
   * token endpoint refuses, nor a token silently for another audience.
   */
  private void checkResource(Step step) {
    try {
      ResourceIndicators.requireNoneOr(
          step.params.getOrDefault("resource", List.of()), tokenSettings.defaultAudience());
    } catch (OAuthException e) {
      throw step.error(OAuthError.INVALID_TARGET, e.description());
    }
  }

  private static String checkPkce(Step step, ClientMetadata client) {
    String challenge = step.param("code_challenge");
    String method = step.param("code_challenge_method");
    if (challenge == null) {
      if (method != null) {
        throw step.error(
            OAuthError.INVALID_REQUEST, "code_challenge_method without code_challenge");
      }
      if (client.isPublic()) {
        // RFC 9700 §2.1.1: public clients must use PKCE.
        throw step.error(
            OAuthError.INVALID_REQUEST,
            "PKCE (code_challenge, S256) is required for public clients");
      }
      return null;
    }
    if (!Pkce.S256.equals(method)) {
      throw step.error(OAuthError.INVALID_REQUEST, "code_challenge_method must be S256");
    }
    if (!Pkce.isWellFormed(challenge)) {
      throw step.error(OAuthError.INVALID_REQUEST, "code_challenge is malformed");
    }
    return challenge;
  }

  private static Set<String> checkPrompt(Step step) {
    String prompt = step.param("prompt");
    if (prompt == null || prompt.isBlank()) {
      return Set.of();
    }
    Set<String> values = Set.copyOf(Arrays.asList(prompt.trim().split(" +")));
    if (!PROMPTS.containsAll(values)) {
      throw step.error(OAuthError.INVALID_REQUEST, "Unsupported prompt value");
    }
    if (values.contains("none") && values.size() > 1) {
      throw step.error(
          OAuthError.INVALID_REQUEST, "prompt=none cannot be combined with other values");
    }
    return values;
  }

  private static Integer checkMaxAge(Step step) {
    String maxAge = step.param("max_age");
    if (maxAge == null) {
      return null;
    }
    try {
      int value = Integer.parseInt(maxAge);
      if (value < 0) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw step.error(OAuthError.INVALID_REQUEST, "max_age must be a non-negative integer");
    }
  }

  private static String checkNonce(Step step) {
    String nonce = step.param("nonce");
    if (nonce != null && nonce.length() > 512) {
      throw step.error(OAuthError.INVALID_REQUEST, "nonce is too long");
    }
    return nonce;
  }

  /**
   * A state longer than any client needs (an ASP.NET one, among the longest, holds about 1,500
   * characters) is refused on the error page: an error response would have to carry it back.
   */
  private static void checkStateLength(MultivaluedMap<String, String> params) {
    List<String> states = params.get("state");
    if (states != null && states.stream().anyMatch(state -> state.length() > MAX_STATE)) {
      throw new AuthorizationPageException("The state parameter is too long.");
    }
  }

  /**
   * Core §3.1.2.1 id_token_hint: an ID token this provider issued (expired ones too); the user it
   * names must be the one signed in, or sign in (prompt=none: login_required). Returns its sub;
   * null without a hint, or for one signed by a key since purged (an old token, read as no hint).
   */
  private String checkIdTokenHint(Step step) {
    String hint = step.param("id_token_hint");
    if (hint == null) {
      return null;
    }
    Optional<JwtClaims> verified = hints.verify(hint);
    if (verified.isEmpty() && hints.namesUnknownKey(hint)) {
      return null;
    }
    try {
      return verified
          .orElseThrow(() -> step.error(OAuthError.INVALID_REQUEST, "id_token_hint is not valid"))
          .getSubject();
    } catch (MalformedClaimException e) {
      throw step.error(OAuthError.INVALID_REQUEST, "id_token_hint is not valid");
    }
  }

  private static String checkLoginHint(Step step) {
    String hint = step.param("login_hint");
    if (hint != null && hint.length() > 512) {
      throw step.error(OAuthError.INVALID_REQUEST, "login_hint is too long");
    }
    return hint;
  }

  /** The parameters once redirect_uri is verified: errors from here on are redirectable. */
  private static final class Step {
    final MultivaluedMap<String, String> params;
    final String redirectUri;
    final String state;

    Step(MultivaluedMap<String, String> params, String redirectUri) {
      this.params = params;
      this.redirectUri = redirectUri;
      this.state = params.getFirst("state");
    }

    /** A parameter's value; the endpoint left out parameters sent without one (RFC 6749 §3.1). */
    String param(String name) {
      return params.getFirst(name);
    }

    AuthorizationRedirectException error(OAuthError error, String description) {
      return new AuthorizationRedirectException(error, description, redirectUri, state);
    }
  }
}
