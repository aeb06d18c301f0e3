package dev.gatehouse.token;

import dev.gatehouse.config.TokenSettings;
import dev.gatehouse.persistence.SecretHasher;
import dev.gatehouse.protocol.OAuthException;
import dev.gatehouse.userinfo.ClaimsService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Issues the tokens of a grant: a JWT access token, an ID token when a user granted openid, and a
 * refresh token (opaque, stored hashed, of the grant's family: {@link RefreshTokenValue}) when
 * asked for, living its idle lifetime but never past the grant's absolute refresh lifetime.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#TokenResponse">OpenID Connect
 *     Core §3.1.3.3</a>
 */
@ApplicationScoped
public class TokenIssuer {

  // RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
  private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

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
    // A sign-in older than the absolute lifetime gets no refresh token at all, never a dead one.
    Instant absolute = grant.refreshLifetimeEnd(settings.refreshTokenMaxLifetime());
    if (issuance.refreshScope() != null && absolute.isAfter(now)) {
      refresh = newRefreshToken(grant, issuance.rotation());
      Instant idle = now.plus(settings.refreshTokenTtl());
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
                  issuance.rotation() == null ? null : issuance.rotation().replaced().tokenHash()));
    }
    return new TokenResponse(
        access.token(), access.expiresIn(), issuance.accessScope(), idToken, refresh);
  }

  /**
   * A grant's first refresh token begins its family (the grant records the family's hash); a
   * rotated one continues the family of the token it replaces, or the legacy form without one.
   */
  private String newRefreshToken(Grant grant, Issuance.Rotation rotation) {
    if (rotation == null) {
      String family = RefreshTokenValue.newFamily();
      String key = RefreshTokenValue.newFamilyKey();
      grants.beginRefreshFamily(grant.id(), RefreshTokenValue.hash(family), key);
      return RefreshTokenValue.issue(family, key);
    }
    return rotation
        .family()
        .map(family -> RefreshTokenValue.issue(family, grant.refreshFamilyKey()))
        .orElseGet(RefreshTokenValue::issueWithoutFamily);
  }

  static List<String> scopes(String scope) {
    return scope == null || scope.isBlank() ? List.of() : List.of(scope.split(" "));
  }

  /**
   * The scopes of a request's {@code scope} parameter, each once, in the order sent (RFC 6749 §3.3:
   * a list of values; a repeat adds nothing, so it is no error either). Each must be a scope-token
   * (printable ASCII but space, {@code "} and {@code \}); spaces around and between them are
   * forgiven, but a value of spaces alone is invalid_scope, not "no scope requested".
   */
  static List<String> requested(String scope) {
    List<String> scopes = new ArrayList<>();
    for (String token : scope.split(" +")) {
      if (token.isEmpty()) {
        continue;
      }
      if (!SCOPE_TOKEN.matcher(token).matches()) {
        throw OAuthException.invalidScope("scope must be space-separated scope tokens");
      }
      if (!scopes.contains(token)) {
        scopes.add(token);
      }
    }
    if (scopes.isEmpty()) {
      throw OAuthException.invalidScope("scope names no scope");
    }
    return List.copyOf(scopes);
  }
}
