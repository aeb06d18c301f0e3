package dev.gatehouse.authorization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/** The scopes a user has approved for a client, remembered so that consent is asked once. */
@Entity
@Table(name = "oidc_consent")
@IdClass(Consent.Key.class)
public class Consent {

  /** Composite key: user and client. */
  public record Key(String subject, String clientId) implements Serializable {
    public Key() {
      this(null, null);
    }
  }

  @Id
  @Column(name = "subject", length = 64)
  private String subject;

  @Id
  @Column(name = "client_id", length = 128)
  private String clientId;

  /** The most the scopes column holds, in characters. */
  static final int MAX_SCOPES_LENGTH = 2000;

  @Column(name = "scopes", nullable = false, length = MAX_SCOPES_LENGTH)
  private String scopes;

  @Column(name = "granted_at", nullable = false)
  private Instant grantedAt;

  protected Consent() {}

  Consent(String subject, String clientId, Collection<String> scopes, Instant now) {
    this.subject = subject;
    this.clientId = clientId;
    this.scopes = String.join(" ", new TreeSet<>(scopes));
    this.grantedAt = now;
  }

  boolean covers(Collection<String> requested) {
    return Set.of(scopes.split(" ")).containsAll(requested);
  }

  /**
   * Adds the scopes just consented to; when all of them together would no longer fit the column (a
   * client whose registered scopes changed often), the latest consent alone is kept.
   */
  void add(Collection<String> more, Instant now) {
    TreeSet<String> all = new TreeSet<>(Arrays.asList(scopes.split(" ")));
    all.addAll(more);
    String joined = String.join(" ", all);
    scopes = joined.length() <= MAX_SCOPES_LENGTH ? joined : String.join(" ", new TreeSet<>(more));
    grantedAt = now;
  }
}
