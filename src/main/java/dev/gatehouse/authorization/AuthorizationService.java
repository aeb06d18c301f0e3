package dev.gatehouse.authorization;

import dev.gatehouse.accounts.AccountService;
import dev.gatehouse.clients.ClientMetadata;
import dev.gatehouse.clients.ClientRepository;
import dev.gatehouse.config.AuthorizationSettings;
import dev.gatehouse.protocol.OAuthError;
import dev.gatehouse.protocol.RandomTokens;
import dev.gatehouse.session.SessionService;
import dev.gatehouse.session.UserSession;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Decides what happens to an authorization request: sign-in, consent, or a code, honouring prompt
 * and max_age; and continues requests after the login and consent pages.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#Authenticates">OpenID Connect
 *     Core §3.1.2.3</a>
 */
@Stateless
public class AuthorizationService {

  public static final String LOGIN_PATH = "/login";
  public static final String CONSENT_PATH = "/consent";

  @Inject AuthorizationRequestValidator validator;
  @Inject SessionService sessions;
  @Inject ConsentRepository consents;
  @Inject AccountService accounts;
  @Inject PendingAuthorizationRepository pendings;
  @Inject CodeIssuer codeIssuer;
  @Inject AuthorizationSettings settings;
  @Inject ClientRepository clients;

  Clock clock = Clock.systemUTC();

  /** What the login page shows: which application asks, and the username the client hinted. */
  public record LoginView(String clientName, String loginHint) {}

  /**
   * The login page's view of a pending request: the client's name (so the user sees where the
   * sign-in leads) and its login_hint to prefill the username (Core §3.1.2.1); empty when the
   * request is unknown, expired, or its client gone.
   */
  public Optional<LoginView> loginView(String requestId, ClientLookup clients) {
    if (requestId == null || requestId.isEmpty()) {
      return Optional.empty();
    }
    return pendings
        .find(requestId)
        .filter(p -> !p.isExpired(clock.instant()))
        .map(PendingAuthorization::request)
        .flatMap(
            request ->
                Optional.ofNullable(clients.metadata(request.clientId()))
                    .map(
                        client ->
                            new LoginView(
                                client.clientName() == null
                                    ? request.clientId()
                                    : client.clientName(),
                                request.loginHint())));
  }

  /** What the consent page shows. */
  /**
   * What the consent page shows: the client, the permissions, and the client's own pages it
   * registered (client_uri, policy_uri, tos_uri; https, or http on loopback).
   */
  public record ConsentView(
      String requestId,
      String clientName,
      List<String> scopes,
      String clientUri,
      String policyUri,
      String tosUri) {}

  /** A new request at /authorize: where the browser goes next (always a 303). */
  public URI authorize(MultivaluedMap<String, String> params, String sessionCookie) {
    AuthorizationRequestValidator.Validated validated = validator.validate(params);
    return decide(validated.request(), sessions.find(sessionCookie), null);
  }

  /** After the login page: the user signed in, continue the pending request. */
  public URI resume(String requestId, String sessionCookie) {
    PendingAuthorization pending = pending(requestId);
    Optional<UserSession> session = sessions.find(sessionCookie);
    AuthorizationRequest request = pending.request();
    if (session.isPresent() && !session.get().authTime().isBefore(createdAt(pending))) {
      request = request.afterLogin();
    }
    return decide(request, session, pending);
  }

  public ConsentView consentView(String requestId, String sessionCookie, ClientLookup clients) {
    PendingAuthorization pending = pending(requestId);
    signedInFor(pending, sessionCookie);
    AuthorizationRequest request = pending.request();
    ClientMetadata client = clients.metadata(request.clientId());
    String name = client.clientName() == null ? request.clientId() : client.clientName();
    return new ConsentView(
        requestId,
        name,
        request.scopes(),
        client.uris().get("client_uri"),
        client.uris().get("policy_uri"),
        client.uris().get("tos_uri"));
  }

  /** After the consent page: approve (remember, issue a code) or deny (access_denied). */
  public URI decideConsent(String requestId, String sessionCookie, boolean approved) {
    PendingAuthorization pending = pending(requestId);
    AuthorizationRequest request = pending.request();
    UserSession session = signedInFor(pending, sessionCookie);
    // Locked like a deletion locks it first: the two take turns, no consent outlives its client.
    if (clients.findForUpdate(request.clientId()).isEmpty()) {
      // Deleted while its consent page was open: nothing to remember, nowhere to redirect to.
      throw new AuthorizationPageException("The client is not registered.");
    }
    take(pending);
    if (!approved) {
      throw new Denied(request);
    }
    Instant now = clock.instant();
    // A user's consents change one at a time (another browser may be allowing this client now).
    accounts
        .findForUpdate(session.subject())
        .orElseThrow(() -> new AuthorizationPageException("The user no longer exists."));
    consents.grant(session.subject(), request.clientId(), request.scopes(), now);
    return codeIssuer.issue(request, session, request.maxAge() != null, now);
  }

  private URI decide(
      AuthorizationRequest request, Optional<UserSession> session, PendingAuthorization pending) {
    Instant now = clock.instant();
    boolean none = request.prompt().contains("none");
    if (session.isEmpty() || mustSignIn(request, session.get(), now)) {
      if (none) {
        throw redirectError(request, OAuthError.LOGIN_REQUIRED, "The user is not signed in");
      }
      return page(LOGIN_PATH, pending == null ? save(request, now) : pending.id());
    }
    UserSession user = session.get();
    if (request.prompt().contains("consent")
        || request.askEveryTime()
        || !consents.covers(user.subject(), request.clientId(), request.scopes())) {
      if (none) {
        throw redirectError(request, OAuthError.CONSENT_REQUIRED, "The user has not consented");
      }
      return page(CONSENT_PATH, pending == null ? save(request, now) : pending.id());
    }
    if (pending != null) {
      take(pending);
    }
    return codeIssuer.issue(request, user, request.maxAge() != null, now);
  }

  /**
   * The browser's session, if it may continue the pending request at the consent page: a request
   * that asked for a sign-in (prompt=login or select_account, or a max_age the session was older
   * than) needs one made after the request came, as {@link #resume} checks; the consent page,
   * reached directly by its address, must not skip it.
   */
  private UserSession signedInFor(PendingAuthorization pending, String sessionCookie) {
    UserSession session =
        sessions
            .find(sessionCookie)
            .orElseThrow(() -> new AuthorizationPageException("Please sign in first."));
    // As the request was judged when it came: a max_age the session met then is not failed by
    // the time the user took on the consent page.
    Instant came = createdAt(pending);
    if (mustSignIn(pending.request(), session, came) && session.authTime().isBefore(came)) {
      throw new AuthorizationPageException("Please sign in first.");
    }
    return session;
  }

  /**
   * Core §3.1.2.1: prompt=login re-authenticates; so does select_account (the login page is where
   * the user picks the account, as Keycloak does); max_age when the last sign-in is older; and an
   * id_token_hint naming another user than the one signed in.
   */
  private static boolean mustSignIn(
      AuthorizationRequest request, UserSession session, Instant now) {
    return request.prompt().contains("login")
        || request.prompt().contains("select_account")
        || tooOld(request, session, now)
        || (request.hintSubject() != null && !request.hintSubject().equals(session.subject()));
  }

  /** Core §3.1.2.1 max_age: re-authenticate when the last sign-in is older. */
  private static boolean tooOld(AuthorizationRequest request, UserSession session, Instant now) {
    return request.maxAge() != null
        && session.authTime().plusSeconds(request.maxAge()).isBefore(now);
  }

  private String save(AuthorizationRequest request, Instant now) {
    if (!PendingAuthorization.fits(request)) {
      throw new AuthorizationRedirectException(
          OAuthError.INVALID_REQUEST,
          "The authorization request is too large",
          request.redirectUri(),
          request.state());
    }
    PendingAuthorization pending =
        new PendingAuthorization(
            RandomTokens.base64url(24), request, now.plus(settings.requestTtl()));
    pendings.persist(pending);
    return pending.id();
  }

  /** Continues the request once: a second submit of the same page finds it gone. */
  private void take(PendingAuthorization pending) {
    if (!pendings.take(pending)) {
      throw expiredOrUnknown();
    }
  }

  private static AuthorizationPageException expiredOrUnknown() {
    return new AuthorizationPageException("This sign-in request has expired or is unknown.");
  }

  /**
   * The user said no: access_denied to the client. The request stays removed (no rollback), so the
   * consent page, reached again with Back, cannot approve it after all.
   */
  @ApplicationException(rollback = false)
  static class Denied extends AuthorizationRedirectException {

    private static final long serialVersionUID = 1L;

    Denied(AuthorizationRequest request) {
      super(
          OAuthError.ACCESS_DENIED,
          "The user denied the request",
          request.redirectUri(),
          request.state());
    }
  }

  private PendingAuthorization pending(String requestId) {
    return pendings
        .find(requestId)
        .filter(p -> !p.isExpired(clock.instant()))
        .orElseThrow(AuthorizationService::expiredOrUnknown);
  }

  private Instant createdAt(PendingAuthorization pending) {
    return pending.expiresAt().minus(settings.requestTtl());
  }

  private static URI page(String path, String requestId) {
    return URI.create(path + "?request=" + requestId);
  }

  private static AuthorizationRedirectException redirectError(
      AuthorizationRequest request, OAuthError error, String description) {
    return new AuthorizationRedirectException(
        error, description, request.redirectUri(), request.state());
  }

  /** How the consent view finds a client's metadata (kept out of this bean's collaborators). */
  @FunctionalInterface
  public interface ClientLookup {
    ClientMetadata metadata(String clientId);
  }
}
