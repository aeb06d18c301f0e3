package dev.gatehouse.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signing-key generation, protection at rest, rotation and JWKS publication.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#RotateSigKeys">OpenID Connect
 *     Core §10.1.1</a>
 */
@ApplicationScoped
public class KeySettings {

  static final int MIN_RSA_BITS = 2048;
  static final int MIN_SECRET_LENGTH = 16;

  @Inject
  @ConfigProperty(name = "oidc.keys.encryption-secret")
  Optional<String> encryptionSecret;

  @Inject
  @ConfigProperty(name = "oidc.keys.rsa-key-size")
  int rsaKeySize;

  @Inject
  @ConfigProperty(name = "oidc.keys.rotation-period")
  Duration rotationPeriod;

  @Inject
  @ConfigProperty(name = "oidc.keys.retired-key-retention")
  Duration retiredKeyRetention;

  @Inject
  @ConfigProperty(name = "oidc.keys.jwks-max-age")
  Duration jwksMaxAge;

  @Inject
  @ConfigProperty(name = "oidc.keys.reload-interval")
  Duration reloadInterval;

  /** The key-encryption secret, if one is configured; empty means keys are stored in clear. */
  public Optional<String> encryptionSecret() {
    encryptionSecret.ifPresent(
        secret -> {
          if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException(
                "oidc.keys.encryption-secret must have at least "
                    + MIN_SECRET_LENGTH
                    + " characters");
          }
        });
    return encryptionSecret;
  }

  public int rsaKeySize() {
    if (rsaKeySize < MIN_RSA_BITS) {
      throw new IllegalStateException("oidc.keys.rsa-key-size must be at least " + MIN_RSA_BITS);
    }
    return rsaKeySize;
  }

  /** Zero or negative disables automatic rotation. */
  public Duration rotationPeriod() {
    return rotationPeriod;
  }

  public Duration retiredKeyRetention() {
    return retiredKeyRetention;
  }

  public Duration jwksMaxAge() {
    return jwksMaxAge;
  }

  public Duration reloadInterval() {
    return reloadInterval.isNegative() || reloadInterval.isZero()
        ? Duration.ofMinutes(1)
        : reloadInterval;
  }
}
