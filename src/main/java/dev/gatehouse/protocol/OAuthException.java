package dev.gatehouse.protocol;

import jakarta.ejb.ApplicationException;

/**
 * A protocol error with its typed code and a human-readable description. Marked as an EJB
 * application exception so it crosses {@code @Stateless} boundaries unwrapped (and rolls the
 * transaction back).
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-5.2">RFC 6749 §5.2</a>
 */
@ApplicationException(rollback = true)
public class OAuthException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final OAuthError error;

  public OAuthException(OAuthError error, String description) {
    super(description, null, false, false);
    this.error = error;
  }

  public OAuthError error() {
    return error;
  }

  /** The {@code error_description}: meant for the client developer, never a stack trace. */
  public String description() {
    return getMessage();
  }

  public static OAuthException invalidRequest(String description) {
    return new OAuthException(OAuthError.INVALID_REQUEST, description);
  }

  public static OAuthException invalidClient(String description) {
    return new OAuthException(OAuthError.INVALID_CLIENT, description);
  }

  public static OAuthException invalidGrant(String description) {
    return new OAuthException(OAuthError.INVALID_GRANT, description);
  }

  public static OAuthException invalidScope(String description) {
    return new OAuthException(OAuthError.INVALID_SCOPE, description);
  }

  /** RFC 8707 §2: the requested resource is invalid, unknown, or not one this request may name. */
  public static OAuthException invalidTarget(String description) {
    return new OAuthException(OAuthError.INVALID_TARGET, description);
  }

  public static OAuthException invalidToken(String description) {
    return new OAuthException(OAuthError.INVALID_TOKEN, description);
  }

  public static OAuthException invalidClientMetadata(String description) {
    return new OAuthException(OAuthError.INVALID_CLIENT_METADATA, description);
  }

  public static OAuthException invalidRedirectUri(String description) {
    return new OAuthException(OAuthError.INVALID_REDIRECT_URI, description);
  }

  public static OAuthException serverError(String description) {
    return new OAuthException(OAuthError.SERVER_ERROR, description);
  }

  public static OAuthException temporarilyUnavailable(String description) {
    return new OAuthException(OAuthError.TEMPORARILY_UNAVAILABLE, description);
  }
}
