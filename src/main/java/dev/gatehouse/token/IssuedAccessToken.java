package dev.gatehouse.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The record of an issued JWT access token (by jti), tying it to its grant: the token is active
 * only while this record exists, is unexpired (to the second of the JWT's exp, with no clock skew),
 * is not revoked, its grant is live and its client is still registered (a client_credentials token
 * issued while its client was being deleted makes a grant the deletion's revocation never saw; the
 * client's absence still ends it).
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7009#section-2.1">RFC 7009 §2.1</a>
 */
@Entity
@Table(name = "oidc_access_token")
@NamedQuery(
    name = "IssuedAccessToken.isActive",
    query =
        "SELECT t.jti FROM IssuedAccessToken t, Grant g WHERE t.jti = :jti AND g.id = t.grantId"
            + " AND t.expiresAt > :now AND t.revokedAt IS NULL AND g.revokedAt IS NULL"
            + " AND EXISTS (SELECT c.clientId FROM Client c WHERE c.clientId = t.clientId)")
@NamedQuery(
    name = "IssuedAccessToken.revoke",
    query =
        "UPDATE IssuedAccessToken t SET t.revokedAt = :now WHERE t.jti = :jti"
            + " AND t.revokedAt IS NULL")
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

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected IssuedAccessToken() {}

  IssuedAccessToken(String jti, String grantId, String clientId, Instant expiresAt) {
    this.jti = jti;
    this.grantId = grantId;
    this.clientId = clientId;
    this.expiresAt = expiresAt;
  }
}
