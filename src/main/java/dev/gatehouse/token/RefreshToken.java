package dev.gatehouse.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An opaque refresh token, stored only as its hash, belonging to a grant. For the retry grace
 * window it remembers the token it replaced (its parent), the access token issued beside it, and,
 * once rotated, whether it was retried.
 */
@Entity
@Table(name = "oidc_refresh_token")
@NamedQuery(
    name = "RefreshToken.consume",
    query =
        "UPDATE RefreshToken t SET t.consumedAt = :now"
            + " WHERE t.tokenHash = :hash AND t.consumedAt IS NULL")
@NamedQuery(
    name = "RefreshToken.markRetried",
    query =
        "UPDATE RefreshToken t SET t.retriedAt = :now"
            + " WHERE t.tokenHash = :hash AND t.retriedAt IS NULL")
@NamedQuery(
    name = "RefreshToken.findLiveSuccessors",
    query = "SELECT t FROM RefreshToken t WHERE t.parentHash = :hash AND t.consumedAt IS NULL")
public class RefreshToken {

  @Id
  @Column(name = "token_hash", length = 64)
  private String tokenHash;

  @Column(name = "grant_id", nullable = false, length = 64)
  private String grantId;

  @Column(name = "client_id", nullable = false, length = 128)
  private String clientId;

  @Column(name = "scope", nullable = false, length = 2000)
  private String scope;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "consumed_at")
  private Instant consumedAt;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "parent_hash", length = 64)
  private String parentHash;

  @Column(name = "retried_at")
  private Instant retriedAt;

  @Column(name = "access_token_jti", length = 64)
  private String accessTokenJti;

  protected RefreshToken() {}

  RefreshToken(
      String tokenHash,
      String grantId,
      String clientId,
      String scope,
      Instant createdAt,
      Instant expiresAt) {
    this.tokenHash = tokenHash;
    this.grantId = grantId;
    this.clientId = clientId;
    this.scope = scope;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
  }

  /** The access token issued beside this token, and the token it replaces (null: none). */
  RefreshToken issuedWith(String accessTokenJti, String parentHash) {
    this.accessTokenJti = accessTokenJti;
    this.parentHash = parentHash;
    return this;
  }

  String accessTokenJti() {
    return accessTokenJti;
  }

  String tokenHash() {
    return tokenHash;
  }

  public String grantId() {
    return grantId;
  }

  public String clientId() {
    return clientId;
  }

  public String scope() {
    return scope;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public boolean isConsumed() {
    return consumedAt != null;
  }

  /** When the token was rotated (used), or null. */
  Instant consumedAt() {
    return consumedAt;
  }

  /** Neither rotated nor expired (its grant may still have been revoked). */
  public boolean isUsable(Instant now) {
    return !isConsumed() && !isExpired(now);
  }

  public boolean isExpired(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
