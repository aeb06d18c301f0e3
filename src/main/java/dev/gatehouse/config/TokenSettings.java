package dev.gatehouse.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Token lifetimes, the default access-token audience and the other resources tokens may be for.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9068#section-2.2">RFC 9068 §2.2</a>
 */
@ApplicationScoped
public class TokenSettings {

  /** The longest resource a token request may name (ClientMetadata.MAX_RESOURCE_LENGTH). */
  static final int MAX_RESOURCE_LENGTH = 1000;

  @Inject
  @ConfigProperty(name = "oidc.token.access-token-ttl")
  Duration accessTokenTtl;

  @Inject
  @ConfigProperty(name = "oidc.token.id-token-ttl")
  Duration idTokenTtl;

  @Inject
  @ConfigProperty(name = "oidc.token.refresh-token-ttl")
  Duration refreshTokenTtl;

  @Inject
  @ConfigProperty(name = "oidc.token.refresh-token-max-lifetime")
  Duration refreshTokenMaxLifetime;

  @Inject
  @ConfigProperty(name = "oidc.token.refresh-token-reuse-grace")
  Duration refreshTokenReuseGrace;

  @Inject
  @ConfigProperty(name = "oidc.token.default-audience")
  String defaultAudience;

  @Inject
  @ConfigProperty(name = "oidc.token.resources")
  Optional<String> resources;

  public Duration accessTokenTtl() {
    return accessTokenTtl;
  }

  public Duration idTokenTtl() {
    return idTokenTtl;
  }

  public Duration refreshTokenTtl() {
    return refreshTokenTtl;
  }

  public Duration refreshTokenMaxLifetime() {
    return refreshTokenMaxLifetime;
  }

  /**
   * How long after a rotation the replaced refresh token may be presented once more (a retry after
   * a lost response); zero (the default) means never.
   */
  public Duration refreshTokenReuseGrace() {
    return refreshTokenReuseGrace;
  }

  /** The longest grace window: a retry comes within seconds, and within it reuse goes unseen. */
  static final Duration MAX_REUSE_GRACE = Duration.ofMinutes(1);

  public String defaultAudience() {
    return defaultAudience;
  }

  /**
   * The resources (RFC 8707) a client_credentials request may name as its token's audience, besides
   * the default audience; empty: none. Each an absolute URI without a fragment, of at most {@link
   * #MAX_RESOURCE_LENGTH} characters (what a token request may name), comma-separated.
   */
  public Set<String> resources() {
    // Optional<List<String>> is not injectable on Payara (ClassCastException at injection).
    return resources.stream()
        .flatMap(value -> Arrays.stream(value.split(",")))
        .map(String::trim)
        .filter(resource -> !resource.isEmpty())
        .map(TokenSettings::checkedResource)
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * The settings are checked once the application starts. A lifetime of zero or less fails the
   * deployment, instead of issuing tokens already expired (a refresh token that could never be
   * used, a chain that dies at its first use). So does a grace window that is negative or longer
   * than {@link #MAX_REUSE_GRACE}: within it a stolen rotated token is not told from a retry. And
   * so does a configured resource no request could ever name (relative, with a fragment, too long),
   * instead of answering invalid_target to every request for it without telling why.
   */
  void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
    DurationChecks.requirePositive("oidc.token.access-token-ttl", accessTokenTtl);
    DurationChecks.requirePositive("oidc.token.id-token-ttl", idTokenTtl);
    DurationChecks.requirePositive("oidc.token.refresh-token-ttl", refreshTokenTtl);
    DurationChecks.requirePositive(
        "oidc.token.refresh-token-max-lifetime", refreshTokenMaxLifetime);
    if (refreshTokenReuseGrace.isNegative()
        || refreshTokenReuseGrace.compareTo(MAX_REUSE_GRACE) > 0) {
      throw new IllegalStateException(
          "oidc.token.refresh-token-reuse-grace must be from PT0S to " + MAX_REUSE_GRACE);
    }
    resources();
  }

  static String checkedResource(String resource) {
    try {
      URI uri = new URI(resource);
      if (resource.length() <= MAX_RESOURCE_LENGTH
          && uri.isAbsolute()
          && uri.getRawFragment() == null) {
        return resource;
      }
    } catch (URISyntaxException e) {
      // refused below
    }
    throw new IllegalStateException(
        "oidc.token.resources: "
            + resource
            + " is not an absolute URI without a fragment of at most "
            + MAX_RESOURCE_LENGTH
            + " characters");
  }
}
