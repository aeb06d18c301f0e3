package dev.gatehouse.authorization;

import jakarta.ejb.ApplicationException;

/**
 * An authorization error that must not redirect (unknown client, missing or unregistered
 * redirect_uri, expired page): shown to the user as an HTML page with status 400.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-4.1.2.1">RFC 6749
 *     §4.1.2.1</a>
 */
@ApplicationException(rollback = true)
public class AuthorizationPageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public AuthorizationPageException(String message) {
    super(message, null, false, false);
  }
}
