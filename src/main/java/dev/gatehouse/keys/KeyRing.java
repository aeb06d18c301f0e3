package dev.gatehouse.keys;

import dev.gatehouse.config.KeySettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

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

  /** Rotates now (admin operation) and returns the new key set. */
  public KeySet rotate() {
    service.rotate();
    return reload();
  }

  @Timeout
  void refresh() {
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
   * Serialized: a timer tick that read the keys before an admin rotation committed must not assign
   * its older set after the rotation's newer one.
   */
  private synchronized KeySet reload() {
    KeySet loaded = KeySet.of(service.published(), PrivateKeyProtector.of(settings), current);
    current = loaded;
    return loaded;
  }
}
