package dev.gatehouse.clients;

import java.util.List;

/**
 * Client authentication methods at the token endpoint, by their registered names.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#ClientAuthentication">OpenID
 *     Connect Core §9</a>
 */
public final class AuthMethods {

  private AuthMethods() {}

  public static final String CLIENT_SECRET_BASIC = "client_secret_basic";
  public static final String CLIENT_SECRET_POST = "client_secret_post";
  public static final String PRIVATE_KEY_JWT = "private_key_jwt";
  public static final String NONE = "none";

  public static final List<String> SUPPORTED =
      List.of(CLIENT_SECRET_BASIC, CLIENT_SECRET_POST, PRIVATE_KEY_JWT, NONE);

  /** The methods that prove a client's identity (all but none): what introspection accepts. */
  public static final List<String> AUTHENTICATING =
      List.of(CLIENT_SECRET_BASIC, CLIENT_SECRET_POST, PRIVATE_KEY_JWT);

  /** Asymmetric algorithms accepted for client assertions; never none, never HMAC. */
  public static final List<String> ASSERTION_ALGORITHMS =
      List.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512");

  public static boolean usesSecret(String method) {
    return CLIENT_SECRET_BASIC.equals(method) || CLIENT_SECRET_POST.equals(method);
  }
}
