package dev.gatehouse.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a protected API trusts: issuers, its own audience, algorithms, clock skew, token types, and
 * how its JWKS cache behaves.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9068#section-4">RFC 9068 §4</a>
 */
@ApplicationScoped
public class ResourceServerSettings {

  @Inject
  @ConfigProperty(name = "oidc.resource-server.issuers")
  List<String> issuers;

  @Inject
  @ConfigProperty(name = "oidc.resource-server.audience")
  String audience;

  @Inject
  @ConfigProperty(name = "oidc.resource-server.algorithms")
  List<String> algorithms;

  @Inject
  @ConfigProperty(name = "oidc.resource-server.clock-skew")
  Duration clockSkew;

  @Inject
  @ConfigProperty(name = "oidc.resource-server.accept-jwt-typ")
  boolean acceptJwtTyp;

  @Inject
  @ConfigProperty(name = "oidc.resource-server.jwks-max-age")
  Duration jwksMaxAge;

  @Inject
  @ConfigProperty(name = "oidc.resource-server.jwks-min-refresh-interval")
  Duration jwksMinRefreshInterval;

  @Inject ProviderSettings provider;

  private List<String> trusted;

  /**
   * Issuer identifiers whose tokens are accepted, compared exactly with {@code iss}. This
   * provider's own issuer, however configured (the default {@code ${oidc.issuer}} may end in "/"),
   * is the one its tokens carry: {@link ProviderSettings#issuer()}, without the "/".
   */
  public List<String> issuers() {
    if (trusted == null) {
      String own = provider.issuer();
      trusted =
          issuers.stream()
              .map(issuer -> issuer.replaceAll("/+$", "").equals(own) ? own : issuer)
              .distinct()
              .toList();
    }
    return trusted;
  }

  /** The value that must appear in a token's {@code aud}. */
  public String audience() {
    return audience;
  }

  public List<String> algorithms() {
    return algorithms.stream()
        .filter(alg -> !alg.equalsIgnoreCase("none") && !alg.toUpperCase().startsWith("HS"))
        .toList();
  }

  public Duration clockSkew() {
    return clockSkew;
  }

  /** Whether {@code typ: JWT} (or no typ) is accepted besides RFC 9068 {@code at+jwt}. */
  public boolean acceptJwtTyp() {
    return acceptJwtTyp;
  }

  public Duration jwksMaxAge() {
    return jwksMaxAge;
  }

  public Duration jwksMinRefreshInterval() {
    return jwksMinRefreshInterval;
  }
}
