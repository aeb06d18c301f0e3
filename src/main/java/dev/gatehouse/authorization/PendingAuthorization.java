package dev.gatehouse.authorization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An authorization request waiting for the user to sign in or consent. */
@Entity
@Table(name = "oidc_pending_authorization")
public class PendingAuthorization {

  @Id
  @Column(name = "id", length = 64)
  private String id;

  /** The most the request column holds, in characters. */
  static final int MAX_REQUEST_LENGTH = 16000;

  @Column(name = "request", nullable = false, length = MAX_REQUEST_LENGTH)
  private String request;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  protected PendingAuthorization() {}

  PendingAuthorization(String id, AuthorizationRequest request, Instant expiresAt) {
    this.id = id;
    this.request = request.toJson();
    this.expiresAt = expiresAt;
  }

  /** Whether the request fits its column (a long state or hint, escaped in JSON, may not). */
  static boolean fits(AuthorizationRequest request) {
    return request.toJson().length() <= MAX_REQUEST_LENGTH;
  }

  String id() {
    return id;
  }

  AuthorizationRequest request() {
    return AuthorizationRequest.fromJson(request);
  }

  Instant expiresAt() {
    return expiresAt;
  }

  boolean isExpired(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
