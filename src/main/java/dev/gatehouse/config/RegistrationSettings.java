package dev.gatehouse.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Dynamic client registration policy: guarded by an initial access token, open to anyone, or
 * closed; rate limit. Open registration lets anyone make this server redirect browsers to a URI of
 * their choosing (an error response to a registered redirect_uri, RFC 9700 §4.11.2), so it is open
 * by default only for a local issuer, as node-oidc-provider and Keycloak keep anonymous
 * registration off by default.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7591#section-3">RFC 7591 §3</a>
 */
@ApplicationScoped
public class RegistrationSettings {

  @Inject
  @ConfigProperty(name = "oidc.registration.initial-access-token")
  Optional<String> initialAccessToken;

  @Inject
  @ConfigProperty(name = "oidc.registration.open")
  String open;

  @Inject
  @ConfigProperty(name = "oidc.registration.rate-limit-per-minute")
  int rateLimitPerMinute;

  @Inject ProviderSettings provider;

  /** When present, registration requires {@code Authorization: Bearer <token>}. */
  public Optional<String> initialAccessToken() {
    return initialAccessToken.filter(token -> !token.isBlank());
  }

  /**
   * Whether anyone may register without an initial access token (when none is configured): {@code
   * true}, {@code false}, or {@code local} (the default), open only while the issuer is on this
   * machine.
   */
  public boolean isOpen() {
    return switch (open.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      case "local" -> provider.isLocal();
      default ->
          throw new IllegalStateException(
              "oidc.registration.open must be true, false or local, not " + open);
    };
  }

  /** Whether anyone can register at all: with the initial access token, or openly. */
  public boolean isAvailable() {
    return initialAccessToken().isPresent() || isOpen();
  }

  void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
    isOpen();
  }

  /** Registration requests per minute per client address (0 disables the limit). */
  public int rateLimitPerMinute() {
    return rateLimitPerMinute;
  }
}
