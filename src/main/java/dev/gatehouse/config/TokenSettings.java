package dev.gatehouse.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Token lifetimes and the default access-token audience.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9068#section-2.2">RFC 9068 §2.2</a>
 */
@ApplicationScoped
public class TokenSettings {

  @Inject
  @ConfigProperty(name = "oidc.token.access-token-ttl")
  Duration accessTokenTtl;

  @Inject
  @ConfigProperty(name = "oidc.token.id-token-ttl")
  Duration idTokenTtl;

  @Inject
  @ConfigProperty(name = "oidc.token.refresh-token-ttl")
  Duration refreshTokenTtl;

  @Inject
  @ConfigProperty(name = "oidc.token.refresh-token-max-lifetime")
  Duration refreshTokenMaxLifetime;

  @Inject
  @ConfigProperty(name = "oidc.token.refresh-token-reuse-grace")
  Duration refreshTokenReuseGrace;

  @Inject
  @ConfigProperty(name = "oidc.token.default-audience")
  String defaultAudience;

  public Duration accessTokenTtl() {
    return accessTokenTtl;
  }

  public Duration idTokenTtl() {
    return idTokenTtl;
  }

  public Duration refreshTokenTtl() {
    return refreshTokenTtl;
  }

  public Duration refreshTokenMaxLifetime() {
    return refreshTokenMaxLifetime;
  }

  /**
   * How long after a rotation the replaced refresh token may be presented once more (a retry after
   * a lost response); zero (the default) means never.
   */
  public Duration refreshTokenReuseGrace() {
    return refreshTokenReuseGrace.isNegative() ? Duration.ZERO : refreshTokenReuseGrace;
  }

  public String defaultAudience() {
    return defaultAudience;
  }
}
