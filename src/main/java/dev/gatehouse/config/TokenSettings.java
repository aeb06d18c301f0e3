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
    return refreshTokenReuseGrace.isNegative() ? Duration.ZERO : refreshTokenReuseGrace;
  }

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
   * The configured resources are checked once the application starts: one no request could ever
   * name (relative, with a fragment, too long) fails the deployment, instead of answering
   * invalid_target to every request for it without telling the operator why.
   */
  void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
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
