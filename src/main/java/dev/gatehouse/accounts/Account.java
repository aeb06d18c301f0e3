package dev.gatehouse.accounts;

import static dev.gatehouse.protocol.JsonSupport.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.StringReader;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * An end user: subject, username, password hash, standard claims and groups, and the failed-login
 * state that drives lockout.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#StandardClaims">OpenID
 *     Connect Core §5.1</a>
 */
@Entity
@Table(name = "oidc_account")
@NamedQuery(
    name = "Account.findByUsername",
    query = "SELECT a FROM Account a WHERE a.username = :username")
public class Account {

  @Id
  @Column(name = "subject", length = 64)
  private String subject;

  @Column(name = "username", nullable = false, length = 128)
  private String username;

  @Column(name = "password_hash", nullable = false, length = 512)
  private String passwordHash;

  /** The most the claims and groups columns hold, in characters. */
  static final int MAX_CLAIMS_LENGTH = 8000;

  static final int MAX_GROUPS_LENGTH = 2000;

  @Column(name = "claims", nullable = false, length = MAX_CLAIMS_LENGTH)
  private String claimsJson;

  @Column(name = "groups_list", nullable = false, length = MAX_GROUPS_LENGTH)
  private String groups;

  @Column(name = "failed_logins", nullable = false)
  private int failedLogins;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  /** Until when a password check of the account is under way ({@link LoginAttempts}). */
  @Column(name = "checking_until")
  private Instant checkingUntil;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Account() {}

  Account(
      String subject,
      String username,
      String passwordHash,
      JsonObject claims,
      List<String> groups,
      Instant now) {
    this.subject = subject;
    this.username = username;
    this.passwordHash = passwordHash;
    this.claimsJson = claims.toString();
    this.groups = String.join(" ", groups);
    this.updatedAt = now;
  }

  String passwordHash() {
    return passwordHash;
  }

  public String subject() {
    return subject;
  }

  public String username() {
    return username;
  }

  /** The standard claims (Core §5.1) other than sub, as stored. */
  public JsonObject claims() {
    try (JsonReader reader = JSON.createReader(new StringReader(claimsJson))) {
      return reader.readObject();
    }
  }

  public List<String> groups() {
    return groups.isBlank() ? List.of() : Arrays.asList(groups.split(" "));
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
