package dev.gatehouse.session;

/**
 * A validated logout request: the client (if known), where to send the user afterwards (a
 * registered post_logout_redirect_uri, or null), the state to echo, and whether a valid
 * id_token_hint named the user (then no confirmation is needed) and which session it was issued in
 * (its {@code sid}, or null).
 */
public record LogoutRequest(
    String clientId,
    String postLogoutRedirectUri,
    String state,
    String hintSubject,
    String hintSid) {

  boolean confirmed() {
    return hintSubject != null;
  }
}
