package dev.gatehouse.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Dynamic client registration policy: open, or guarded by an initial access token; rate limit.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7591#section-3">RFC 7591 §3</a>
 */
@ApplicationScoped
public class RegistrationSettings {

  @Inject
  @ConfigProperty(name = "oidc.registration.initial-access-token")
  Optional<String> initialAccessToken;

  @Inject
  @ConfigProperty(name = "oidc.registration.rate-limit-per-minute")
  int rateLimitPerMinute;

  /** When present, registration requires {@code Authorization: Bearer <token>}. */
  public Optional<String> initialAccessToken() {
    return initialAccessToken.filter(token -> !token.isBlank());
  }

  /** Registration requests per minute per client address (0 disables the limit). */
  public int rateLimitPerMinute() {
    return rateLimitPerMinute;
  }
}
