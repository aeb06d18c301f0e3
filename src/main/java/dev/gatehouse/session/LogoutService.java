package dev.gatehouse.session;

import dev.gatehouse.authorization.AuthorizationPageException;
import dev.gatehouse.clients.ClientMetadata;
import dev.gatehouse.clients.ClientRepository;
import dev.gatehouse.token.GrantRepository;
import dev.gatehouse.token.IdTokenHints;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

/**
 * Validates RP-initiated logout requests and ends SSO sessions. A post_logout_redirect_uri must
 * exactly match one the client registered, and the client must be known (from the id_token_hint's
 * audience or client_id); otherwise the user sees an error page and is never redirected.
 *
 * @see <a href="https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout">RP-Initiated
 *     Logout 1.0 §2, §3</a>
 */
@Stateless
public class LogoutService {

  @Inject IdTokenHints hints;
  @Inject ClientRepository clients;
  @Inject SessionService sessions;
  @Inject GrantRepository grants;

  Clock clock = Clock.systemUTC();

  public LogoutRequest validate(MultivaluedMap<String, String> params) {
    Optional<JwtClaims> hint = hints.verify(params.getFirst("id_token_hint"));
    if (params.getFirst("id_token_hint") != null && hint.isEmpty()) {
      throw new AuthorizationPageException("The id_token_hint is not valid.");
    }
    String clientId = clientId(hint, params.getFirst("client_id"));
    String redirect = params.getFirst("post_logout_redirect_uri");
    if (redirect != null) {
      ClientMetadata client =
          Optional.ofNullable(clientId)
              .flatMap(clients::find)
              .map(c -> c.metadata())
              .orElseThrow(
                  () ->
                      new AuthorizationPageException(
                          "The client of this logout request is unknown."));
      if (!client.postLogoutRedirectUris().contains(redirect)) {
        throw new AuthorizationPageException(
            "The post_logout_redirect_uri is not registered for this client.");
      }
    }
    return new LogoutRequest(
        clientId, redirect, params.getFirst("state"), claim(hint, "sub"), claim(hint, "sid"));
  }

  /**
   * Ends the browser's session, and the session the id_token_hint was issued in (its {@code sid},
   * if still active and the hint's subject's, as Keycloak does) when that is another one: the
   * browser may hold none (an app's ephemeral browser session, the RP's back end) or another
   * session of the same user. Then revokes the grants made in them without offline_access: their
   * access tokens stop working at once, at introspection, UserInfo and the APIs in this WAR (as
   * Keycloak's tokens of an ended session). Grants with offline_access outlive the session, as
   * offline tokens do. Returns where to send the user, or null for our page.
   */
  public URI logout(LogoutRequest request, String sessionCookie) {
    Instant now = clock.instant();
    Optional<UserSession> ended = sessions.end(sessionCookie, now);
    Optional<UserSession> hinted =
        request.hintSid() == null || ended.map(s -> s.sid().equals(request.hintSid())).orElse(false)
            ? Optional.empty()
            : sessions.endBySid(request.hintSid(), request.hintSubject(), now);
    // Sessions first, then their grants: the order the operator's sign-out everywhere takes.
    ended.ifPresent(s -> grants.revokeOnlineOfSession(s.sid(), now));
    hinted.ifPresent(s -> grants.revokeOnlineOfSession(s.sid(), now));
    if (request.postLogoutRedirectUri() == null) {
      return null;
    }
    String uri = request.postLogoutRedirectUri();
    if (request.state() != null) {
      uri +=
          (uri.contains("?") ? "&" : "?")
              + "state="
              + URLEncoder.encode(request.state(), StandardCharsets.UTF_8);
    }
    return URI.create(uri);
  }

  /** Whether the browser's session belongs to someone else than the hint names. */
  public boolean sessionOfAnotherUser(LogoutRequest request, String sessionCookie) {
    return sessions
        .find(sessionCookie)
        .map(s -> !s.subject().equals(request.hintSubject()))
        .orElse(false);
  }

  private static String clientId(Optional<JwtClaims> hint, String clientIdParam) {
    if (hint.isEmpty()) {
      return clientIdParam;
    }
    try {
      List<String> audience = hint.get().getAudience();
      if (clientIdParam != null && !audience.contains(clientIdParam)) {
        throw new AuthorizationPageException("client_id does not match the id_token_hint.");
      }
      return audience.isEmpty() ? clientIdParam : audience.get(0);
    } catch (MalformedClaimException e) {
      throw new AuthorizationPageException("The id_token_hint is not valid.");
    }
  }

  private static String claim(Optional<JwtClaims> hint, String name) {
    try {
      return hint.isPresent() ? hint.get().getStringClaimValue(name) : null;
    } catch (MalformedClaimException e) {
      return null;
    }
  }
}
