package dev.gatehouse.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A signed-in browser: who, since when (auth_time), until when. Stored under the hash of the cookie
 * value, so the table alone cannot be used to hijack a session; {@code sid} is the public session
 * identifier that ID tokens carry.
 *
 * @see <a
 *     href="https://openid.net/specs/openid-connect-frontchannel-1_0.html#ClaimsContents">sid</a>
 */
@Entity
@Table(name = "oidc_user_session")
public class UserSession {

  @Id
  @Column(name = "id_hash", length = 64)
  private String idHash;

  @Column(name = "sid", nullable = false, length = 64)
  private String sid;

  @Column(name = "subject", nullable = false, length = 64)
  private String subject;

  @Column(name = "auth_time", nullable = false)
  private Instant authTime;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  protected UserSession() {}

  UserSession(String idHash, String sid, String subject, Instant authTime, Instant expiresAt) {
    this.idHash = idHash;
    this.sid = sid;
    this.subject = subject;
    this.authTime = authTime;
    this.expiresAt = expiresAt;
  }

  boolean isActive(Instant now) {
    return endedAt == null && now.isBefore(expiresAt);
  }

  void end(Instant now) {
    endedAt = now;
  }

  public String sid() {
    return sid;
  }

  public String subject() {
    return subject;
  }

  public Instant authTime() {
    return authTime;
  }
}
