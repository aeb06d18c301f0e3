package dev.gatehouse.token;

import dev.gatehouse.accounts.Account;
import dev.gatehouse.accounts.AccountService;
import dev.gatehouse.authorization.AuthorizationCode;
import dev.gatehouse.authorization.AuthorizationCodeRepository;
import dev.gatehouse.authorization.Pkce;
import dev.gatehouse.config.TokenSettings;
import dev.gatehouse.protocol.OAuthException;
import dev.gatehouse.session.SessionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The authorization_code grant: consume the code atomically (a replay revokes the whole grant),
 * check client, redirect_uri, expiry and PKCE, that the sign-in session is still active, then issue
 * the tokens.
 *
 * @see <a
 *     href="https://openid.net/specs/openid-connect-core-1_0.html#TokenRequestValidation">OpenID
 *     Connect Core §3.1.3.2</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7636#section-4.6">RFC 7636 §4.6</a>
 */
@ApplicationScoped
public class AuthorizationCodeGrant implements GrantHandler {

  private static final String INVALID_OR_USED =
      "The authorization code is invalid or was already used";

  @Inject AuthorizationCodeRepository codes;
  @Inject GrantRepository grants;
  @Inject GrantRevocation revocation;
  @Inject AccountService accounts;
  @Inject SessionService sessions;
  @Inject TokenIssuer issuer;
  @Inject TokenSettings settings;

  Clock clock = Clock.systemUTC();

  @Override
  public String grantType() {
    return "authorization_code";
  }

  @Override
  public TokenResponse handle(TokenRequest request) {
    String code = required(request, "code");
    // RFC 6749 §4.1.3: required, as every authorization request here carries one (§5.2: a missing
    // parameter is invalid_request, before the code is touched).
    required(request, "redirect_uri");
    // Before the code is consumed: a request refused for its resource may be sent again without.
    ResourceIndicators.requireNoneOr(request.params("resource"), settings.defaultAudience());
    Instant now = clock.instant();
    AuthorizationCode issued = consume(code, request, now);
    checkBinding(issued, request, now);
    Grant grant =
        grants
            .find(issued.grantId())
            .filter(g -> !g.isRevoked())
            .orElseThrow(() -> OAuthException.invalidGrant("The authorization has been revoked"));
    // The sign-in session the code was issued in must still be active: a logout, or the operator's
    // sign-out that could not yet see this grant (still being written), ends it before any token.
    if (grant.sid() != null && !sessions.isActive(grant.sid(), now)) {
      throw revocation.revokeNotReplayed(
          grant.id(), "code redeemed after its session ended", "The sign-in session has ended");
    }
    Account account =
        accounts
            .find(grant.subject())
            .orElseThrow(() -> OAuthException.invalidGrant("The user no longer exists"));
    var client = request.client().metadata();
    boolean refresh =
        TokenIssuer.scopes(grant.scope()).contains("offline_access")
            && client.allowsGrant("refresh_token");
    return issuer.issue(
        new Issuance(
            grant,
            account,
            client,
            grant.scope(),
            issued.nonce(),
            refresh ? grant.scope() : null,
            null),
        now);
  }

  /**
   * RFC 6749 §4.1.2: single use; on a replay by the client the code was issued to, every token of
   * the grant is revoked. Another client's replay revokes nothing: it could not have redeemed the
   * code, and a leaked code (Referer, history, logs) must not let anyone end a user's grant. Nor
   * does a public client's replay without the code's PKCE verifier: its client_id proves nothing.
   */
  private AuthorizationCode consume(String code, TokenRequest request, Instant now) {
    if (codes.consume(code, now)) {
      return codes.find(code).orElseThrow();
    }
    String clientId = request.client().clientId();
    boolean publicClient = request.client().metadata().isPublic();
    // A replay; once the purge deleted the code's row, the grant issued for it still knows it
    // (a public client's replay then proves nothing: the PKCE challenge went with the row).
    Optional<AuthorizationCode> row = codes.find(code);
    Optional<String> replayed =
        row.isPresent()
            ? row.filter(c -> c.clientId().equals(clientId))
                .filter(c -> !publicClient || verifierMatches(c, request))
                .map(AuthorizationCode::grantId)
            : grants
                .findByCode(code)
                .filter(g -> g.clientId().equals(clientId) && !publicClient)
                .map(Grant::id);
    if (replayed.isPresent()) {
      throw revocation.revoke(replayed.get(), "authorization code replayed", INVALID_OR_USED);
    }
    throw OAuthException.invalidGrant(INVALID_OR_USED);
  }

  private static boolean verifierMatches(AuthorizationCode code, TokenRequest request) {
    String verifier = request.param("code_verifier");
    return code.codeChallenge() != null
        && verifier != null
        && Pkce.verify(code.codeChallenge(), verifier);
  }

  private static void checkBinding(AuthorizationCode code, TokenRequest request, Instant now) {
    if (!code.clientId().equals(request.client().clientId())) {
      // The same answer as for an unknown code: another client learns nothing of this one.
      throw OAuthException.invalidGrant(INVALID_OR_USED);
    }
    if (code.isExpired(now)) {
      throw OAuthException.invalidGrant("The authorization code has expired");
    }
    if (!code.redirectUri().equals(request.param("redirect_uri"))) {
      throw OAuthException.invalidGrant("redirect_uri differs from the authorization request");
    }
    String verifier = request.param("code_verifier");
    if (code.codeChallenge() == null) {
      if (verifier != null) {
        // RFC 9700 §2.1.1: a verifier without a challenge signals a downgrade attempt.
        throw OAuthException.invalidGrant(
            "code_verifier sent, but the authorization request had no code_challenge");
      }
      return;
    }
    if (verifier == null) {
      throw OAuthException.invalidGrant("code_verifier is required");
    }
    if (!Pkce.verify(code.codeChallenge(), verifier)) {
      throw OAuthException.invalidGrant("code_verifier does not match the code_challenge");
    }
  }

  private static String required(TokenRequest request, String name) {
    String value = request.param(name);
    if (value == null || value.isEmpty()) {
      throw OAuthException.invalidRequest(name + " is required");
    }
    return value;
  }
}
