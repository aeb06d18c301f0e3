package dev.gatehouse.clients;

import static dev.gatehouse.protocol.JsonSupport.JSON;

import jakarta.json.JsonReader;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.io.StringReader;
import java.time.Instant;

/**
 * A registered OAuth client: its identifier, the hashes of its secret and registration access token
 * (never the values), and its metadata.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7591#section-3.2.1">RFC 7591 §3.2.1</a>
 */
@Entity
@Table(name = "oidc_client")
public class Client {

  /** How the client came to exist. */
  public enum Origin {
    /** Through dynamic registration (RFC 7591). */
    REGISTERED,
    /** Created by an operator. */
    CONFIGURED
  }

  @Id
  @Column(name = "client_id", length = 128)
  private String clientId;

  @Column(name = "client_secret_hash", length = 128)
  private String clientSecretHash;

  @Column(name = "client_secret_expires_at", nullable = false)
  private long clientSecretExpiresAt;

  @Column(name = "registration_token_hash", length = 128)
  private String registrationTokenHash;

  @Column(name = "token_endpoint_auth_method", nullable = false, length = 32)
  private String tokenEndpointAuthMethod;

  @Column(name = "metadata", nullable = false, length = ClientMetadata.MAX_STORED_LENGTH)
  private String metadataJson;

  @Column(name = "origin", nullable = false, length = 16)
  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  private Origin origin;

  @Column(name = "issued_at", nullable = false)
  private Instant issuedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  @Transient private ClientMetadata metadata;

  protected Client() {}

  public Client(String clientId, ClientMetadata metadata, Origin origin, Instant now) {
    this.clientId = clientId;
    this.origin = origin;
    this.issuedAt = now;
    replaceMetadata(metadata, now);
  }

  /** RFC 7592 §2.2: an update replaces the whole metadata. */
  public void replaceMetadata(ClientMetadata metadata, Instant now) {
    this.metadata = metadata;
    this.metadataJson = metadata.toJson().build().toString();
    this.tokenEndpointAuthMethod = metadata.tokenEndpointAuthMethod();
    this.updatedAt = now;
    if (!AuthMethods.usesSecret(metadata.tokenEndpointAuthMethod())) {
      clientSecretHash = null;
    }
  }

  public void setSecretHash(String hash) {
    this.clientSecretHash = hash;
    this.clientSecretExpiresAt = 0;
  }

  public void setRegistrationTokenHash(String hash) {
    this.registrationTokenHash = hash;
  }

  public String clientId() {
    return clientId;
  }

  public ClientMetadata metadata() {
    if (metadata == null) {
      try (JsonReader reader = JSON.createReader(new StringReader(metadataJson))) {
        metadata = ClientMetadata.fromJson(reader.readObject());
      }
    }
    return metadata;
  }

  public String clientSecretHash() {
    return clientSecretHash;
  }

  public boolean hasSecret() {
    return clientSecretHash != null;
  }

  /** 0: the secret does not expire (RFC 7591 §3.2.1). */
  public long clientSecretExpiresAt() {
    return clientSecretExpiresAt;
  }

  public String registrationTokenHash() {
    return registrationTokenHash;
  }

  public Origin origin() {
    return origin;
  }

  public Instant issuedAt() {
    return issuedAt;
  }
}
