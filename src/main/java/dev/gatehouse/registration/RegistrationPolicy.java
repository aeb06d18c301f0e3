package dev.gatehouse.registration;

import dev.gatehouse.config.RegistrationSettings;
import dev.gatehouse.protocol.BearerChallengeException;
import dev.gatehouse.protocol.BearerTokens;
import dev.gatehouse.protocol.ConstantTime;
import dev.gatehouse.protocol.OAuthError;
import dev.gatehouse.protocol.OAuthException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Who may register, within the rate limit: when the operator configured one, only callers
 * presenting the initial access token; otherwise anyone if registration is open, no one if not (the
 * operator then creates clients at /admin/clients).
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7591#section-3">RFC 7591 §3</a>
 */
@ApplicationScoped
public class RegistrationPolicy {

  @Inject RegistrationSettings settings;
  @Inject RegistrationRateLimiter rateLimiter;

  /** Throws the error for a caller that may not register now. */
  public void admit(String address, String authorization) {
    rateLimiter.check(address);
    requireOpen(settings.isAvailable());
    requireInitialAccessToken(settings.initialAccessToken(), BearerTokens.from(authorization));
  }

  static void requireOpen(boolean available) {
    if (!available) {
      throw new OAuthException(
          OAuthError.ACCESS_DENIED,
          "Registration is closed on this server: the operator creates clients (at"
              + " /admin/clients) or gives out an initial access token");
    }
  }

  static void requireInitialAccessToken(Optional<String> expected, Optional<String> presented) {
    if (expected.isPresent() && presented.isEmpty()) {
      throw BearerChallengeException.missingToken(
          "A valid initial access token is required to register");
    }
    if (expected.isPresent() && !ConstantTime.equals(expected.get(), presented.get())) {
      throw OAuthException.invalidToken("A valid initial access token is required to register");
    }
  }
}
