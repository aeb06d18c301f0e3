package dev.gatehouse.authorization;

import dev.gatehouse.protocol.OAuthError;
import jakarta.ejb.ApplicationException;

/**
 * An authorization error that goes back to the client by redirect: allowed only once the client and
 * its redirect_uri are verified.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthError">OpenID Connect
 *     Core §3.1.2.6</a>
 */
@ApplicationException(rollback = true)
public class AuthorizationRedirectException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final OAuthError error;
  private final String redirectUri;
  private final String state;

  public AuthorizationRedirectException(
      OAuthError error, String description, String redirectUri, String state) {
    super(description, null, false, false);
    this.error = error;
    this.redirectUri = redirectUri;
    this.state = state;
  }

  public OAuthError error() {
    return error;
  }

  public String redirectUri() {
    return redirectUri;
  }

  public String state() {
    return state;
  }
}
