package dev.gatehouse.protocol;

/**
 * The OAuth 2.0 / OpenID Connect error codes this provider emits, each with its wire code and HTTP
 * status.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-5.2">RFC 6749 §5.2</a>
 */
public enum OAuthError {
  INVALID_REQUEST("invalid_request", 400),
  INVALID_CLIENT("invalid_client", 401),
  INVALID_GRANT("invalid_grant", 400),
  UNAUTHORIZED_CLIENT("unauthorized_client", 400),
  UNSUPPORTED_GRANT_TYPE("unsupported_grant_type", 400),
  INVALID_SCOPE("invalid_scope", 400),
  INVALID_TARGET("invalid_target", 400),
  UNSUPPORTED_RESPONSE_TYPE("unsupported_response_type", 400),
  ACCESS_DENIED("access_denied", 403),
  LOGIN_REQUIRED("login_required", 400),
  CONSENT_REQUIRED("consent_required", 400),
  INTERACTION_REQUIRED("interaction_required", 400),
  REQUEST_NOT_SUPPORTED("request_not_supported", 400),
  REQUEST_URI_NOT_SUPPORTED("request_uri_not_supported", 400),
  INVALID_TOKEN("invalid_token", 401),
  INSUFFICIENT_SCOPE("insufficient_scope", 403),
  INVALID_CLIENT_METADATA("invalid_client_metadata", 400),
  INVALID_REDIRECT_URI("invalid_redirect_uri", 400),
  /** An admin operation the current state does not allow now (the description says when). */
  CONFLICT("conflict", 409),
  SERVER_ERROR("server_error", 500),
  TEMPORARILY_UNAVAILABLE("temporarily_unavailable", 503),
  /** Rate limit exceeded: the RFC 6749 code, with the HTTP status RFC 6585 §4 defines for it. */
  TOO_MANY_REQUESTS("temporarily_unavailable", 429);

  private final String code;
  private final int status;

  OAuthError(String code, int status) {
    this.code = code;
    this.status = status;
  }

  /** The value of the {@code error} member on the wire. */
  public String code() {
    return code;
  }

  /** The HTTP status of a direct (non-redirect) error response. */
  public int status() {
    return status;
  }

  /** Whether RFC 6750 §3 asks for the error in a {@code WWW-Authenticate: Bearer} header. */
  public boolean isBearerChallenge() {
    return this == INVALID_TOKEN || this == INSUFFICIENT_SCOPE;
  }
}
