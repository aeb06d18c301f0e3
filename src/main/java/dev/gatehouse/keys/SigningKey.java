package dev.gatehouse.keys;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * One signing key: its public JWK, its private JWK (encrypted when a key-encryption secret is
 * configured) and where it is in its life cycle.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7517#section-4">RFC 7517 §4</a>
 */
@Entity
@Table(name = "oidc_signing_key")
@NamedQuery(
    name = "SigningKey.findPublished",
    query =
        "SELECT k FROM SigningKey k WHERE k.status <> dev.gatehouse.keys.SigningKeyStatus.RETIRED"
            + " OR k.publishUntil > :now ORDER BY k.createdAt")
@NamedQuery(
    name = "SigningKey.deleteExpired",
    query =
        "DELETE FROM SigningKey k WHERE k.status = dev.gatehouse.keys.SigningKeyStatus.RETIRED"
            + " AND k.publishUntil <= :now")
public class SigningKey {

  @Id
  @Column(name = "kid", length = 64)
  private String kid;

  @Column(name = "algorithm", nullable = false, length = 16)
  private String algorithm;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 16)
  private SigningKeyStatus status;

  @Column(name = "public_jwk", nullable = false, length = 4000)
  private String publicJwk;

  @Column(name = "private_jwk", nullable = false, length = 16000)
  private String privateJwk;

  @Column(name = "private_key_protection", nullable = false, length = 32)
  private String privateKeyProtection;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "activated_at")
  private Instant activatedAt;

  @Column(name = "retired_at")
  private Instant retiredAt;

  @Column(name = "publish_until")
  private Instant publishUntil;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected SigningKey() {}

  SigningKey(
      String kid,
      String algorithm,
      String publicJwk,
      ProtectedPrivateKey privateKey,
      Instant createdAt) {
    this.kid = kid;
    this.algorithm = algorithm;
    this.publicJwk = publicJwk;
    this.privateJwk = privateKey.value();
    this.privateKeyProtection = privateKey.protection();
    this.status = SigningKeyStatus.NEXT;
    this.createdAt = createdAt;
  }

  /** Makes this key the one that signs. */
  void activate(Instant now) {
    status = SigningKeyStatus.ACTIVE;
    activatedAt = now;
  }

  /** Stops signing with this key; it stays in the JWKS for {@code retention}. */
  void retire(Instant now, Duration retention) {
    status = SigningKeyStatus.RETIRED;
    retiredAt = now;
    publishUntil = now.plus(retention);
  }

  /** Whether an active key has signed for at least {@code period} (zero disables rotation). */
  boolean isDueForRotation(Instant now, Duration period) {
    return status == SigningKeyStatus.ACTIVE
        && !period.isZero()
        && !period.isNegative()
        && activatedAt != null
        && !activatedAt.plus(period).isAfter(now);
  }

  void replacePrivateKey(ProtectedPrivateKey privateKey) {
    this.privateJwk = privateKey.value();
    this.privateKeyProtection = privateKey.protection();
  }

  public String kid() {
    return kid;
  }

  public String algorithm() {
    return algorithm;
  }

  public SigningKeyStatus status() {
    return status;
  }

  public String publicJwk() {
    return publicJwk;
  }

  ProtectedPrivateKey privateKey() {
    return new ProtectedPrivateKey(privateJwk, privateKeyProtection);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant activatedAt() {
    return activatedAt;
  }

  public Instant retiredAt() {
    return retiredAt;
  }

  public Instant publishUntil() {
    return publishUntil;
  }
}
