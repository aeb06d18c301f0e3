package dev.gatehouse.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An opaque refresh token, stored only as its hash, belonging to a grant. */
@Entity
@Table(name = "oidc_refresh_token")
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

  protected RefreshToken() {}

  RefreshToken(String tokenHash, String grantId, String clientId, String scope, Instant expiresAt) {
    this.tokenHash = tokenHash;
    this.grantId = grantId;
    this.clientId = clientId;
    this.scope = scope;
    this.expiresAt = expiresAt;
  }
}
