package dev.gatehouse.protocol;

/**
 * A bearer-token error with the details of its {@code WWW-Authenticate} challenge: the scope a
 * resource needs (insufficient_scope), or no error attribute at all when the request carried no
 * token (RFC 6750 §3.1: "SHOULD NOT include an error code").
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6750#section-3">RFC 6750 §3</a>
 */
public class BearerChallengeException extends OAuthException {

  private static final long serialVersionUID = 1L;

  private final String scope;
  private final boolean tokenPresented;

  private BearerChallengeException(
      OAuthError error, String description, String scope, boolean tokenPresented) {
    super(error, description);
    this.scope = scope;
    this.tokenPresented = tokenPresented;
  }

  public static BearerChallengeException missingToken() {
    return missingToken("An access token is required");
  }

  /** No token sent: the challenge names only the realm (the body keeps the error model). */
  public static BearerChallengeException missingToken(String description) {
    return new BearerChallengeException(OAuthError.INVALID_TOKEN, description, null, false);
  }

  /** A malformed request (a token sent a way not allowed, or two ways): 400, with a challenge. */
  public static BearerChallengeException invalidRequest(String description) {
    return new BearerChallengeException(OAuthError.INVALID_REQUEST, description, null, true);
  }

  public static BearerChallengeException invalidToken(String description) {
    return new BearerChallengeException(OAuthError.INVALID_TOKEN, description, null, true);
  }

  public static BearerChallengeException insufficientScope(String requiredScope) {
    return new BearerChallengeException(
        OAuthError.INSUFFICIENT_SCOPE,
        "The access token lacks the scope this resource requires",
        requiredScope,
        true);
  }

  /** Space-separated scopes the resource requires, or null. */
  public String scope() {
    return scope;
  }

  public boolean tokenPresented() {
    return tokenPresented;
  }
}
