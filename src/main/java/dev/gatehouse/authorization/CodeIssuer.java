package dev.gatehouse.authorization;

import dev.gatehouse.config.AuthorizationSettings;
import dev.gatehouse.config.ProviderSettings;
import dev.gatehouse.persistence.SecretHasher;
import dev.gatehouse.protocol.RandomTokens;
import dev.gatehouse.session.UserSession;
import dev.gatehouse.token.Grant;
import dev.gatehouse.token.GrantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;

/**
 * Ends a successful authorization: a new grant, a random single-use code bound to the request, and
 * the redirect carrying code, state and iss.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthResponse">OpenID Connect
 *     Core §3.1.2.5</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9207#section-2">RFC 9207 §2</a>
 */
@ApplicationScoped
public class CodeIssuer {

  @Inject GrantRepository grants;
  @Inject AuthorizationCodeRepository codes;
  @Inject AuthorizationSettings settings;
  @Inject ProviderSettings provider;

  URI issue(AuthorizationRequest request, UserSession session, boolean maxAgeSent, Instant now) {
    String code = RandomTokens.base64url(32);
    String codeHash = SecretHasher.fingerprintFull(code);
    Grant grant =
        new Grant(
                RandomTokens.base64url(18),
                session.subject(),
                request.clientId(),
                request.scope(),
                session.authTime(),
                session.sid(),
                now)
            .withCode(codeHash);
    grants.persist(grant);
    codes.persist(
        new AuthorizationCode(
            codeHash, grant.id(), request, maxAgeSent, now.plus(settings.codeTtl())));
    return QueryRedirect.to(request.redirectUri())
        .param("code", code)
        .param("state", request.state())
        .param("iss", provider.issuer())
        .build();
  }
}
