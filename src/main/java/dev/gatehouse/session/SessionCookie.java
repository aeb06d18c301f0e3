package dev.gatehouse.session;

import dev.gatehouse.config.AuthorizationSettings;
import dev.gatehouse.config.ProviderSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The SSO session cookie: HttpOnly, SameSite=Lax (sent on the top-level redirect back to
 * /authorize, never on cross-site subrequests), Secure when the issuer is https, scoped to the
 * issuer's path.
 */
@ApplicationScoped
public class SessionCookie {

  public static final String NAME = "gatehouse_session";

  @Inject ProviderSettings provider;
  @Inject AuthorizationSettings settings;

  /** The Set-Cookie header value that stores a session. */
  public String set(String value) {
    return NAME
        + "="
        + value
        + "; Path="
        + path()
        + "; Max-Age="
        + settings.sessionTtl().toSeconds()
        + "; HttpOnly; SameSite=Lax"
        + (provider.isSecure() ? "; Secure" : "");
  }

  /** The Set-Cookie header value that removes it. */
  public String clear() {
    return NAME
        + "=; Path="
        + path()
        + "; Max-Age=0; HttpOnly; SameSite=Lax"
        + (provider.isSecure() ? "; Secure" : "");
  }

  private String path() {
    String path = java.net.URI.create(provider.issuer()).getPath();
    return path == null || path.isEmpty() ? "/" : path;
  }
}
