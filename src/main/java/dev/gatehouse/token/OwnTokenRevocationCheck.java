package dev.gatehouse.token;

import dev.gatehouse.config.ProviderSettings;
import dev.gatehouse.resourceserver.RevocationCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Revocation of this provider's own access tokens, for the protected APIs in the same WAR: an own
 * token counts as revoked unless its record is active, as at introspection (the record, and its
 * grant, not revoked; and not expired: the verifier's clock skew is for other issuers' clocks, and
 * this one shares the provider's). A token without a record (its record purged, or never issued
 * here) is refused too: its records may go before it expires (a revoked one, or one within the
 * verifier's clock skew). Tokens of other issuers are left to the filter's own checks.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7009#section-2">RFC 7009 §2</a>
 */
@ApplicationScoped
public class OwnTokenRevocationCheck implements RevocationCheck {

  @Inject ProviderSettings provider;
  @Inject AccessTokenRepository records;

  Clock clock = Clock.systemUTC();

  @Override
  public boolean isRevoked(String issuer, String jti) {
    return provider.issuer().equals(issuer)
        && (jti == null || !records.isActive(jti, clock.instant()));
  }
}
