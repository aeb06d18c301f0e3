package dev.gatehouse.token;

import dev.gatehouse.accounts.Account;
import dev.gatehouse.clients.ClientMetadata;
import dev.gatehouse.config.ProviderSettings;
import dev.gatehouse.config.TokenSettings;
import dev.gatehouse.keys.TokenSigner;
import dev.gatehouse.protocol.RandomTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * JWT access tokens per RFC 9068: {@code typ: at+jwt}; iss, sub, aud, client_id, iat, exp, jti,
 * scope, auth_time and groups; or, for clients registered with the mp-jwt profile, {@code typ: JWT}
 * with upn and preferred_username as well. Each is recorded by jti under its grant, so revoking the
 * grant deactivates it.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9068#section-2">RFC 9068 §2</a>
 */
@ApplicationScoped
public class AccessTokenFactory {

  @Inject TokenSigner signer;
  @Inject TokenSettings settings;
  @Inject ProviderSettings provider;
  @Inject AccessTokenRepository records;

  /** An issued access token, its jti and its lifetime in seconds. */
  public record Issued(String token, String jti, long expiresIn) {}

  public Issued issue(
      Grant grant, String scope, Account account, ClientMetadata client, Instant now) {
    List<String> groups = account == null ? List.of() : account.groups();
    String jti = RandomTokens.base64url(18);
    // Whole seconds, as exp: the record expires when the JWT does.
    Instant expiresAt = Instant.ofEpochSecond(now.plus(settings.accessTokenTtl()).getEpochSecond());
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(provider.issuer());
    claims.setSubject(grant.subject());
    claims.setAudience(grant.audience() == null ? settings.defaultAudience() : grant.audience());
    claims.setClaim("client_id", grant.clientId());
    claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
    claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
    claims.setJwtId(jti);
    if (scope != null && !scope.isBlank()) {
      claims.setClaim("scope", scope);
    }
    if (account != null) {
      claims.setClaim("auth_time", grant.authTime().getEpochSecond());
    }
    String typ = "at+jwt";
    if (client.usesMpJwtProfile()) {
      // MicroProfile JWT: typ JWT; a user's caller name from upn / preferred_username and roles
      // from groups (a client's own token, client_credentials, names the client by sub).
      typ = "JWT";
      if (account != null) {
        claims.setClaim("upn", account.username());
        claims.setClaim("preferred_username", account.username());
        claims.setStringListClaim("groups", groups);
      }
    } else if (!groups.isEmpty()) {
      claims.setStringListClaim("groups", groups);
    }
    records.persist(new IssuedAccessToken(jti, grant.id(), grant.clientId(), expiresAt));
    return new Issued(signer.sign(claims, typ), jti, settings.accessTokenTtl().toSeconds());
  }
}
