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
import java.time.Clock;
import java.util.List;
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

  private List<JsonWebKey> fetchKeys(String issuer) throws Exception {
    // Discovery 1.0 §4: a terminating "/" of the issuer is removed before the well-known path.
    String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    JsonObject metadata = readJson(base + "/.well-known/openid-configuration");
    if (!issuer.equals(metadata.getString("issuer", null))) {
      throw new IOException("discovery issuer does not match");
    }
    return new JsonWebKeySet(get(metadata.getString("jwks_uri"))).getJsonWebKeys();
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
