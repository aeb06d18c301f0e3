package dev.gatehouse.token;

import dev.gatehouse.accounts.Account;
import dev.gatehouse.clients.ClientMetadata;
import dev.gatehouse.config.TokenSettings;
import dev.gatehouse.persistence.SecretHasher;
import dev.gatehouse.protocol.RandomTokens;
import dev.gatehouse.userinfo.ClaimsService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * Issues the tokens of a grant: a JWT access token, an ID token when openid was granted, and a
 * refresh token (opaque, stored hashed) when offline_access was granted to a client that may
 * refresh.
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
  @PersistenceContext EntityManager em;

  public TokenResponse issue(
      Grant grant, Account account, String nonce, ClientMetadata client, Instant now) {
    List<String> scopes = AuthorizationCodeGrant.scopes(grant.scope());
    AccessTokenFactory.Issued access =
        accessTokens.issue(grant, grant.scope(), account, client, now);
    String idToken =
        scopes.contains("openid")
            ? idTokens.issue(grant, nonce, access.token(), claims.claims(account, scopes), now)
            : null;
    String refresh = null;
    if (scopes.contains("offline_access") && client.allowsGrant("refresh_token")) {
      refresh = RandomTokens.base64url(32);
      em.persist(
          new RefreshToken(
              SecretHasher.fingerprintFull(refresh),
              grant.id(),
              grant.clientId(),
              grant.scope(),
              now.plus(settings.refreshTokenTtl())));
    }
    return new TokenResponse(access.token(), access.expiresIn(), grant.scope(), idToken, refresh);
  }
}
