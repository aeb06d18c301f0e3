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

  @Column(name = "scopes", nullable = false, length = 2000)
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

  void add(Collection<String> more, Instant now) {
    TreeSet<String> all = new TreeSet<>(Arrays.asList(scopes.split(" ")));
    all.addAll(more);
    scopes = String.join(" ", all);
    grantedAt = now;
  }
}
