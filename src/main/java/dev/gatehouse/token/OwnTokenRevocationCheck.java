package dev.gatehouse.token;

import dev.gatehouse.config.ProviderSettings;
import dev.gatehouse.resourceserver.RevocationCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Revocation of this provider's own access tokens, for the protected APIs in the same WAR: a token
 * is revoked when its record or its grant is. Tokens of other issuers, and tokens without a record
 * (purged after they expired), are left to the filter's own checks.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7009#section-2">RFC 7009 §2</a>
 */
@ApplicationScoped
public class OwnTokenRevocationCheck implements RevocationCheck {

  @Inject ProviderSettings provider;
  @Inject AccessTokenRepository records;

  @Override
  public boolean isRevoked(String issuer, String jti) {
    return jti != null && provider.issuer().equals(issuer) && records.isRevoked(jti);
  }
}
