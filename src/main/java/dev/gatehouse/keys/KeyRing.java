package dev.gatehouse.keys;

import dev.gatehouse.config.KeySettings;
import dev.gatehouse.persistence.Failures;
import dev.gatehouse.protocol.OAuthError;
import dev.gatehouse.protocol.OAuthException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Holds the current {@link KeySet} in memory for the JWKS endpoint and token signing. Loads it at
 * start (creating the first keys if there are none), reloads it on a timer so that a rotation made
 * by another instance is picked up, and rotates when the active key is due.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#RotateSigKeys">OpenID Connect
 *     Core §10.1.1</a>
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class KeyRing {

  private static final Logger LOG = Logger.getLogger(KeyRing.class.getName());

  @Inject SigningKeyService service;
  @Inject KeySettings settings;
  @Resource TimerService timers;
  @Resource SessionContext context;

  private volatile KeySet current = KeySet.EMPTY;

  @PostConstruct
  void start() {
    service.ensureKeys();
    reload();
    long interval = settings.reloadInterval().toMillis();
    timers.createIntervalTimer(interval, interval, new TimerConfig("gatehouse-key-ring", false));
    if (settings.encryptionSecret().isEmpty()) {
      LOG.warning(
          "oidc.keys.encryption-secret is not set: private signing keys are stored unencrypted"
              + " in the database. Set it for any non-development use.");
    }
    LOG.info(
        () ->
            "Signing key "
                + (current.canSign() ? current.signer().getKeyId() : "(none usable)")
                + " active; "
                + current.publishedKids().size()
                + " keys published");
  }

  /** The keys as last loaded. */
  public KeySet current() {
    return current;
  }

  /**
   * Rotates now (admin operation) and returns the new key set. One rotation at a time in this
   * instance (the timer's included); one that met another instance's at the same moment (the
   * optimistic lock) is a conflict to retry, not a server error. Any other failure stays one.
   */
  public synchronized KeySet rotate(boolean force) {
    try {
      service.rotate(force);
    } catch (EJBException e) {
      if (!Failures.isOptimisticLockConflict(e)) {
        throw e;
      }
      throw new OAuthException(
          OAuthError.CONFLICT,
          "The keys changed at the same moment (another instance rotated); list them and retry.");
    }
    return reload();
  }

  @Timeout
  synchronized void refresh() {
    try {
      service.rotateIfDue();
      service.ensureKeys();
      reload();
    } catch (RuntimeException e) {
      // Another instance may have rotated at the same moment (optimistic lock); next tick retries.
      LOG.log(Level.WARNING, "Key refresh failed; keeping the current key set", e);
    }
  }

  /**
   * Verifies this provider's own tokens by the keys as loaded; a token naming a key they lack (one
   * another instance activated since the last reload, say after two rotations in a row) makes the
   * keys load anew, at most once per {@link #UNKNOWN_KID_RELOAD_INTERVAL}, rather than fail until
   * the next timer tick.
   */
  public VerificationKeyResolver verificationKeyResolver() {
    return (jws, nestingContext) -> {
      KeySet seen = current;
      try {
        return seen.verificationKeyResolver().resolveKey(jws, nestingContext);
      } catch (UnresolvableKeyException e) {
        if (!self().reloadForUnknownKey(seen)) {
          throw e;
        }
        return current.verificationKeyResolver().resolveKey(jws, nestingContext);
      }
    };
  }

  static final Duration UNKNOWN_KID_RELOAD_INTERVAL = Duration.ofSeconds(5);

  private long lastUnknownKeyReload = System.nanoTime() - UNKNOWN_KID_RELOAD_INTERVAL.toNanos();

  /**
   * This bean as the container serves it, so that a reload asked for by a request runs outside the
   * request's transaction (a failed read must not mark it for rollback).
   */
  private KeyRing self() {
    return context == null ? this : context.getBusinessObject(KeyRing.class);
  }

  /**
   * Whether the keys were loaded anew (by this call, or by another since {@code seen}). Public for
   * {@link #self()} only.
   */
  public synchronized boolean reloadForUnknownKey(KeySet seen) {
    if (current != seen) {
      return true;
    }
    long now = System.nanoTime();
    if (now - lastUnknownKeyReload < UNKNOWN_KID_RELOAD_INTERVAL.toNanos()) {
      return false;
    }
    lastUnknownKeyReload = now;
    reload();
    return true;
  }

  /**
   * Serialized: a timer tick that read the keys before an admin rotation committed must not assign
   * its older set after the rotation's newer one.
   */
  private synchronized KeySet reload() {
    KeySet loaded = load();
    current = loaded;
    return loaded;
  }

  /** The keys as stored now. */
  KeySet load() {
    return KeySet.of(service.published(), PrivateKeyProtector.of(settings), current);
  }
}
