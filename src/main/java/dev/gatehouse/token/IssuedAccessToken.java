package dev.gatehouse.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The record of an issued JWT access token (by jti), tying it to its grant for revocation. */
@Entity
@Table(name = "oidc_access_token")
public class IssuedAccessToken {

  @Id
  @Column(name = "jti", length = 64)
  private String jti;

  @Column(name = "grant_id", nullable = false, length = 64)
  private String grantId;

  @Column(name = "client_id", nullable = false, length = 128)
  private String clientId;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  protected IssuedAccessToken() {}

  IssuedAccessToken(String jti, String grantId, String clientId, Instant expiresAt) {
    this.jti = jti;
    this.grantId = grantId;
    this.clientId = clientId;
    this.expiresAt = expiresAt;
  }
}
