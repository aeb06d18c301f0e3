package dev.gatehouse.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signing-key generation, protection at rest, rotation and JWKS publication.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#RotateSigKeys">OpenID Connect
 *     Core §10.1.1</a>
 */
@ApplicationScoped
public class KeySettings {

  private static final Logger LOG = Logger.getLogger(KeySettings.class.getName());

  static final int MIN_RSA_BITS = 2048;
  static final int MIN_SECRET_LENGTH = 16;

  @Inject TokenSettings tokens;

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

  /**
   * Refuses to start when a retired key could leave the JWKS while tokens it signed are still valid
   * (they would fail verification before they expire): another instance may sign with it for up to
   * reload-interval after the rotation, and its tokens live the longest token lifetime; warns when
   * keys rotate faster than verifiers may cache the JWKS (the next key is published one rotation
   * ahead, so a verifier that cached the set for jwks-max-age, plus an instance's reload-interval,
   * may not know it yet).
   */
  void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
    Duration longest = max(tokens.accessTokenTtl(), tokens.idTokenTtl());
    Duration needed = longest.plus(reloadInterval());
    if (retiredKeyRetention.compareTo(needed) < 0) {
      throw new IllegalStateException(
          "oidc.keys.retired-key-retention ("
              + retiredKeyRetention
              + ") must be at least the longest token lifetime ("
              + longest
              + ", oidc.token.access-token-ttl / id-token-ttl) plus oidc.keys.reload-interval ("
              + reloadInterval()
              + "): tokens signed just before a rotation would fail verification before they"
              + " expire");
    }
    if (rotatesBeforeCachesRefresh()) {
      LOG.warning(
          () ->
              "oidc.keys.rotation-period ("
                  + rotationPeriod
                  + ") is shorter than oidc.keys.jwks-max-age plus oidc.keys.reload-interval ("
                  + jwksMaxAge.plus(reloadInterval())
                  + "): a verifier that cached /jwks.json may not know the next key when it starts"
                  + " signing");
    }
  }

  /** Whether automatic rotation is on and faster than a cached JWKS is guaranteed to refresh. */
  boolean rotatesBeforeCachesRefresh() {
    return !rotationPeriod.isNegative()
        && !rotationPeriod.isZero()
        && rotationPeriod.compareTo(jwksMaxAge.plus(reloadInterval())) < 0;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
