package dev.gatehouse.protocol;

/**
 * The provider's endpoint paths, relative to the issuer. Discovery advertises them; each endpoint
 * declares its {@code @Path} with the same constant.
 */
public final class Paths {

  private Paths() {}

  public static final String WELL_KNOWN = "/.well-known";
  public static final String OPENID_CONFIGURATION_NAME = "openid-configuration";
  public static final String OAUTH_AUTHORIZATION_SERVER_NAME = "oauth-authorization-server";
  public static final String JWKS = "/jwks.json";
  public static final String REGISTRATION = "/register";
  public static final String TOKEN = "/token";
  public static final String AUTHORIZATION = "/authorize";
  public static final String USERINFO = "/userinfo";
  public static final String INTROSPECTION = "/introspect";
  public static final String REVOCATION = "/revoke";
  public static final String END_SESSION = "/logout";
  public static final String ADMIN_CLIENTS = "/admin/clients";
  public static final String ADMIN_KEYS = "/admin/keys";
}
