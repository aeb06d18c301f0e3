package dev.gatehouse.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Lifetimes at the authorization endpoint: codes, pending requests, SSO sessions.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-4.1.2">RFC 6749 §4.1.2</a>
 */
@ApplicationScoped
public class AuthorizationSettings {

  @Inject
  @ConfigProperty(name = "oidc.authorization.code-ttl")
  Duration codeTtl;

  @Inject
  @ConfigProperty(name = "oidc.authorization.request-ttl")
  Duration requestTtl;

  @Inject
  @ConfigProperty(name = "oidc.session.ttl")
  Duration sessionTtl;

  public Duration codeTtl() {
    return codeTtl;
  }

  public Duration requestTtl() {
    return requestTtl;
  }

  public Duration sessionTtl() {
    return sessionTtl;
  }
}
