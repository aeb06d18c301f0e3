package dev.gatehouse.authorization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An authorization code, stored under its hash and bound to the grant (user, client, scope,
 * auth_time), the redirect_uri, the PKCE challenge and the nonce. Consumed by a conditional update,
 * so two concurrent redemptions cannot both succeed.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-4.1.2">RFC 6749 §4.1.2</a>
 */
@Entity
@Table(name = "oidc_authorization_code")
@NamedQuery(
    name = "AuthorizationCode.consume",
    query =
        "UPDATE AuthorizationCode c SET c.consumedAt = :now"
            + " WHERE c.codeHash = :hash AND c.consumedAt IS NULL")
public class AuthorizationCode {

  @Id
  @Column(name = "code_hash", length = 64)
  private String codeHash;

  @Column(name = "grant_id", nullable = false, length = 64)
  private String grantId;

  @Column(name = "client_id", nullable = false, length = 128)
  private String clientId;

  @Column(name = "redirect_uri", nullable = false, length = 2000)
  private String redirectUri;

  @Column(name = "code_challenge", length = 128)
  private String codeChallenge;

  @Column(name = "nonce", length = 512)
  private String nonce;

  @Column(name = "max_age_sent", nullable = false)
  private boolean maxAgeSent;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "consumed_at")
  private Instant consumedAt;

  protected AuthorizationCode() {}

  public AuthorizationCode(
      String codeHash,
      String grantId,
      AuthorizationRequest request,
      boolean maxAgeSent,
      Instant expiresAt) {
    this.codeHash = codeHash;
    this.grantId = grantId;
    this.clientId = request.clientId();
    this.redirectUri = request.redirectUri();
    this.codeChallenge = request.codeChallenge();
    this.nonce = request.nonce();
    this.maxAgeSent = maxAgeSent;
    this.expiresAt = expiresAt;
  }

  public String grantId() {
    return grantId;
  }

  public String clientId() {
    return clientId;
  }

  public String redirectUri() {
    return redirectUri;
  }

  public String codeChallenge() {
    return codeChallenge;
  }

  public String nonce() {
    return nonce;
  }

  public boolean isExpired(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
