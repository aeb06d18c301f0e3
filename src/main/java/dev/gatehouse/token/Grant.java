package dev.gatehouse.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * One authorization of a client by a user: every code, access token and refresh token it yields
 * carries its id, so revoking the grant reaches them all.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-10.5">RFC 6749 §10.5</a>
 */
@Entity
@Table(name = "oidc_grant")
public class Grant {

  @Id
  @Column(name = "id", length = 64)
  private String id;

  @Column(name = "subject", nullable = false, length = 128)
  private String subject;

  @Column(name = "client_id", nullable = false, length = 128)
  private String clientId;

  @Column(name = "scope", nullable = false, length = 2000)
  private String scope;

  @Column(name = "auth_time", nullable = false)
  private Instant authTime;

  @Column(name = "sid", length = 64)
  private String sid;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "audience", length = 2000)
  private String audience;

  /**
   * When the last refresh token it yielded expires; its creation until it yields one. Raised only
   * by {@link GrantRepository#extendTo}: this entity is never changed once stored, so no stale copy
   * of it can write over a revocation committed meanwhile.
   */
  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  /**
   * The hash of the family its refresh tokens share ({@link RefreshTokenValue}); null until its
   * first refresh token, and for chains begun before families existed. Set only by {@link
   * GrantRepository#beginRefreshFamily}.
   */
  @Column(name = "refresh_family_hash", length = 64, updatable = false)
  private String refreshFamilyHash;

  /**
   * The family's MAC key ({@link RefreshTokenValue#isGenuine}): null until the first refresh token,
   * and for families begun before keys existed. Set only by {@link
   * GrantRepository#beginRefreshFamily}.
   */
  @Column(name = "refresh_family_key", length = 64, updatable = false)
  private String refreshFamilyKey;

  /**
   * The hash of the code it was issued for (null for client credentials, and for grants made before
   * it was recorded): a replay of that code revokes the grant after the purge deleted the code's
   * row too.
   */
  @Column(name = "code_hash", length = 64, updatable = false)
  private String codeHash;

  protected Grant() {}

  public Grant(
      String id,
      String subject,
      String clientId,
      String scope,
      Instant authTime,
      String sid,
      Instant now) {
    this.id = id;
    this.subject = subject;
    this.clientId = clientId;
    this.scope = scope;
    this.authTime = authTime;
    this.sid = sid;
    this.createdAt = now;
    this.expiresAt = now;
  }

  /**
   * When its refresh tokens end at the latest: {@code maxLifetime} after the sign-in, not after the
   * grant was made (an SSO session may be old).
   */
  public Instant refreshLifetimeEnd(Duration maxLifetime) {
    return authTime.plus(maxLifetime);
  }

  /** The grant is issued for the code with this hash (set before it is stored). */
  public Grant withCode(String codeHash) {
    this.codeHash = codeHash;
    return this;
  }

  /** RFC 8707: the resource this grant's access tokens are for (null: the default audience). */
  public Grant withAudience(String audience) {
    this.audience = audience;
    return this;
  }

  public String audience() {
    return audience;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String id() {
    return id;
  }

  public String subject() {
    return subject;
  }

  public String clientId() {
    return clientId;
  }

  public String scope() {
    return scope;
  }

  public Instant authTime() {
    return authTime;
  }

  /** The MAC key of its refresh family; null for none or a family begun before keys. */
  public String refreshFamilyKey() {
    return refreshFamilyKey;
  }

  public String sid() {
    return sid;
  }

  /** When its last refresh token expires (its creation, if it yielded none). */
  public Instant expiresAt() {
    return expiresAt;
  }

  public boolean isRevoked() {
    return revokedAt != null;
  }
}
