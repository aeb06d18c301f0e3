package dev.gatehouse.session;

/**
 * A validated logout request: the client (if known), where to send the user afterwards (a
 * registered post_logout_redirect_uri, or null), the state to echo, and whether a valid
 * id_token_hint named the user (then no confirmation is needed).
 */
public record LogoutRequest(
    String clientId, String postLogoutRedirectUri, String state, String hintSubject) {

  boolean confirmed() {
    return hintSubject != null;
  }
}
