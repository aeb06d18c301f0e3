package dev.gatehouse.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
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

  /** RFC 6749 §4.1.2: "A maximum authorization code lifetime of 10 minutes is RECOMMENDED." */
  static final Duration MAX_CODE_TTL = Duration.ofMinutes(10);

  /**
   * The lifetimes are checked once the application starts: zero or less fails the deployment
   * (codes, pages and sessions that end as they begin), and so does a code lifetime over {@link
   * #MAX_CODE_TTL}, a window for a stolen code the specification advises against.
   */
  void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
    DurationChecks.requirePositive("oidc.authorization.code-ttl", codeTtl);
    if (codeTtl.compareTo(MAX_CODE_TTL) > 0) {
      throw new IllegalStateException(
          "oidc.authorization.code-ttl must be at most " + MAX_CODE_TTL);
    }
    DurationChecks.requirePositive("oidc.authorization.request-ttl", requestTtl);
    DurationChecks.requirePositive("oidc.session.ttl", sessionTtl);
  }

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
