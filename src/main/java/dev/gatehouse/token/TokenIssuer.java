package dev.gatehouse.token;

import dev.gatehouse.config.TokenSettings;
import dev.gatehouse.persistence.SecretHasher;
import dev.gatehouse.protocol.RandomTokens;
import dev.gatehouse.userinfo.ClaimsService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * Issues the tokens of a grant: a JWT access token, an ID token when a user granted openid, and a
 * refresh token (opaque, stored hashed) when asked for, living its idle lifetime but never past the
 * grant's absolute refresh lifetime.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#TokenResponse">OpenID Connect
 *     Core §3.1.3.3</a>
 */
@ApplicationScoped
public class TokenIssuer {

  @Inject AccessTokenFactory accessTokens;
  @Inject IdTokenFactory idTokens;
  @Inject ClaimsService claims;
  @Inject TokenSettings settings;
  @Inject RefreshTokenRepository refreshTokens;
  @Inject GrantRepository grants;

  TokenResponse issue(Issuance issuance, Instant now) {
    Grant grant = issuance.grant();
    List<String> scopes = scopes(issuance.accessScope());
    AccessTokenFactory.Issued access =
        accessTokens.issue(
            grant, issuance.accessScope(), issuance.account(), issuance.client(), now);
    String idToken =
        issuance.account() != null && scopes.contains("openid")
            ? idTokens.issue(
                grant,
                issuance.nonce(),
                access.token(),
                claims.claims(issuance.account(), scopes),
                now)
            : null;
    String refresh = null;
    if (issuance.refreshScope() != null) {
      refresh = RandomTokens.base64url(32);
      Instant idle = now.plus(settings.refreshTokenTtl());
      // Counted from the sign-in, not from when the grant was made (an SSO session may be old).
      Instant absolute = grant.authTime().plus(settings.refreshTokenMaxLifetime());
      Instant expires = idle.isBefore(absolute) ? idle : absolute;
      grants.extendTo(grant.id(), expires);
      refreshTokens.persist(
          new RefreshToken(
                  SecretHasher.fingerprintFull(refresh),
                  grant.id(),
                  grant.clientId(),
                  issuance.refreshScope(),
                  now,
                  expires)
              .issuedWith(
                  access.jti(),
                  issuance.replaces() == null ? null : issuance.replaces().tokenHash()));
    }
    return new TokenResponse(
        access.token(), access.expiresIn(), issuance.accessScope(), idToken, refresh);
  }

  static List<String> scopes(String scope) {
    return scope == null || scope.isBlank() ? List.of() : List.of(scope.split(" "));
  }
}
