package dev.gatehouse.token;

/**
 * One grant type of the token endpoint (the extension point: handlers are found by CDI).
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-4">RFC 6749 §4</a>
 */
public interface GrantHandler {

  /** The grant_type value this handler serves. */
  String grantType();

  TokenResponse handle(TokenRequest request);
}
