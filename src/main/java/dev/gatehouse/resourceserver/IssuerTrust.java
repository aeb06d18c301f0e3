package dev.gatehouse.resourceserver;

import static dev.gatehouse.protocol.JsonSupport.JSON;

import dev.gatehouse.config.ResourceServerSettings;
import dev.gatehouse.protocol.BoundedHttpGet;
import dev.gatehouse.protocol.RemoteKeySet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * The configured trusted issuers and their keys, found by discovery (the {@code issuer} in the
 * document must equal the configured one exactly) and fetched over HTTP with short timeouts.
 *
 * @see <a href="https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfig">OpenID
 *     Connect Discovery 1.0 §4</a>
 */
@ApplicationScoped
public class IssuerTrust {

  @Inject ResourceServerSettings settings;

  private final Map<String, RemoteKeySet> issuers = new ConcurrentHashMap<>();
  private final BoundedHttpGet http = new BoundedHttpGet();

  public boolean trusts(String issuer) {
    return issuer != null && settings.issuers().contains(issuer);
  }

  /** Resolves the verification key of a token from a trusted issuer. */
  public VerificationKeyResolver resolverFor(String issuer) {
    RemoteKeySet trusted =
        issuers.computeIfAbsent(
            issuer,
            i ->
                new RemoteKeySet(
                    i,
                    this::fetchKeys,
                    settings.jwksMaxAge(),
                    settings.jwksMinRefreshInterval(),
                    Clock.systemUTC()));
    return (jws, nestingContext) -> {
      var key = trusted.keyFor(jws);
      if (key == null) {
        throw new UnresolvableKeyException("No published key of the issuer matches the token");
      }
      return key;
    };
  }

  /**
   * Whether keys may be fetched from this location: https (Discovery 1.0 §3, RFC 8414 §2: a plain
   * http one would let anyone on the way hand over keys that forge accepted tokens), or http on
   * this machine (development, tests).
   */
  static boolean secureLocation(String location) {
    try {
      URI uri = new URI(location);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
      boolean loopback =
          host.equals("localhost") || host.equals("[::1]") || host.matches("127(\\.\\d{1,3}){3}");
      return scheme.equals("https") && !host.isEmpty() || scheme.equals("http") && loopback;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private List<JsonWebKey> fetchKeys(String issuer) throws Exception {
    if (!secureLocation(issuer)) {
      throw new IOException("a trusted issuer must use https (http only on loopback)");
    }
    // Discovery 1.0 §4: a terminating "/" of the issuer is removed before the well-known path.
    String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    JsonObject metadata = readJson(base + "/.well-known/openid-configuration");
    if (!issuer.equals(metadata.getString("issuer", null))) {
      throw new IOException("discovery issuer does not match");
    }
    String jwksUri = metadata.getString("jwks_uri", "");
    if (!secureLocation(jwksUri)) {
      throw new IOException("the issuer's jwks_uri must use https (http only on loopback)");
    }
    return new JsonWebKeySet(get(jwksUri)).getJsonWebKeys();
  }

  private JsonObject readJson(String uri) throws IOException {
    try (JsonReader reader = JSON.createReader(new StringReader(get(uri)))) {
      return reader.readObject();
    }
  }

  private String get(String uri) throws IOException {
    return http.get(uri);
  }
}
