package dev.gatehouse.keys;

import dev.gatehouse.config.KeySettings;
import dev.gatehouse.protocol.OAuthError;
import dev.gatehouse.protocol.OAuthException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;

/**
 * The transaction boundary for key life-cycle changes: making sure an active and a next key exist,
 * rotating, and dropping retired keys whose publication window has passed. Concurrent changes by
 * two instances are caught by the entity's optimistic lock.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#RotateSigKeys">OpenID Connect
 *     Core §10.1.1</a>
 */
@Stateless
public class SigningKeyService {

  private static final Logger LOG = Logger.getLogger(SigningKeyService.class.getName());

  @Inject SigningKeyRepository repository;
  @Inject KeySettings settings;

  Clock clock = Clock.systemUTC();

  /**
   * Purges expired keys, then makes sure there is an active key and a pre-published next key, and
   * encrypts any key still stored in clear once a secret is configured.
   */
  public List<SigningKey> ensureKeys() {
    Instant now = clock.instant();
    repository.deleteExpired(now);
    List<SigningKey> keys = new ArrayList<>(repository.findPublished(now));
    PrivateKeyProtector protector = protector();
    if (active(keys) == null) {
      activateNext(keys, protector, now);
    }
    if (next(keys) == null) {
      keys.add(create(protector, now));
    }
    if (protector.encrypts()) {
      keys.stream().filter(k -> !k.privateKey().isEncrypted()).forEach(k -> encrypt(protector, k));
    }
    return keys;
  }

  /** Rotates when the active key has signed for the configured period; true if it rotated. */
  public boolean rotateIfDue() {
    Instant now = clock.instant();
    boolean due =
        repository.findPublished(now).stream()
            .anyMatch(k -> k.isDueForRotation(now, settings.rotationPeriod()));
    if (due) {
      rotate(true);
    }
    return due;
  }

  /**
   * Retires the active key (still published for the retention period), promotes the next key, which
   * relying parties have already seen in the JWKS, and publishes a new next key. Unless {@code
   * force}d (a compromised key), refused while the next key is younger than jwks-max-age plus
   * reload-interval: a verifier that cached the JWKS before it was published, or an instance that
   * has not reloaded, would not know it yet (a second rotation right after a first).
   */
  public List<SigningKey> rotate(boolean force) {
    Instant now = clock.instant();
    List<SigningKey> keys = new ArrayList<>(repository.findPublished(now));
    SigningKey waiting = next(keys);
    Instant known =
        waiting == null
            ? now
            : waiting.createdAt().plus(settings.jwksMaxAge()).plus(settings.reloadInterval());
    if (!force && known.isAfter(now)) {
      throw new OAuthException(
          OAuthError.CONFLICT,
          "The next key "
              + waiting.kid()
              + " was published at "
              + waiting.createdAt()
              + "; verifiers caching the JWKS may not know it before "
              + known
              + ". Rotate then, or now with ?force=true (a compromised key).");
    }
    PrivateKeyProtector protector = protector();
    keys.stream()
        .filter(k -> k.status() == SigningKeyStatus.ACTIVE)
        .forEach(k -> k.retire(now, settings.retiredKeyRetention()));
    activateNext(keys, protector, now);
    keys.add(create(protector, now));
    return keys;
  }

  /** The keys to publish now (read only). */
  public List<SigningKey> published() {
    return repository.findPublished(clock.instant());
  }

  private PrivateKeyProtector protector() {
    return PrivateKeyProtector.of(settings);
  }

  /** Promotes the pre-published next key (or a new one if none exists) to be the signer. */
  private void activateNext(List<SigningKey> keys, PrivateKeyProtector protector, Instant now) {
    SigningKey next = next(keys);
    if (next == null) {
      next = create(protector, now);
      keys.add(next);
    }
    next.activate(now);
    String kid = next.kid();
    LOG.info(() -> "Signing key " + kid + " is now active");
  }

  private SigningKey create(PrivateKeyProtector protector, Instant now) {
    RsaKeys.Generated generated = RsaKeys.generate(settings.rsaKeySize());
    SigningKey key =
        new SigningKey(
            generated.kid(),
            RsaKeys.ALGORITHM,
            generated.publicJwk(),
            protector.protect(generated.kid(), generated.privateJwk()),
            now);
    repository.persist(key);
    return key;
  }

  private static void encrypt(PrivateKeyProtector protector, SigningKey key) {
    key.replacePrivateKey(protector.protect(key.kid(), key.privateKey().value()));
    LOG.info(() -> "Signing key " + key.kid() + " is now encrypted at rest");
  }

  /** The newest active key: the signer (two may exist briefly if two instances started at once). */
  static SigningKey active(List<SigningKey> keys) {
    return keys.stream()
        .filter(k -> k.status() == SigningKeyStatus.ACTIVE)
        .max(Comparator.comparing(SigningKey::activatedAt))
        .orElse(null);
  }

  static SigningKey next(List<SigningKey> keys) {
    return keys.stream()
        .filter(k -> k.status() == SigningKeyStatus.NEXT)
        .min(Comparator.comparing(SigningKey::createdAt))
        .orElse(null);
  }
}
