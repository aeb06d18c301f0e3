package dev.gatehouse.resourceserver;

import static dev.gatehouse.protocol.JsonSupport.JSON;

import dev.gatehouse.config.ResourceServerSettings;
import dev.gatehouse.protocol.RemoteKeySet;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
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

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @Inject ResourceServerSettings settings;

  private final Map<String, RemoteKeySet> issuers = new ConcurrentHashMap<>();
  private HttpClient http;

  @PostConstruct
  void init() {
    http =
        HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

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
    JsonObject metadata = readJson(issuer + "/.well-known/openid-configuration");
    if (!issuer.equals(metadata.getString("issuer", null))) {
      throw new IOException("discovery issuer does not match");
    }
    return new JsonWebKeySet(get(metadata.getString("jwks_uri"))).getJsonWebKeys();
  }

  private JsonObject readJson(String uri) throws IOException, InterruptedException {
    try (JsonReader reader = JSON.createReader(new StringReader(get(uri)))) {
      return reader.readObject();
    }
  }

  private String get(String uri) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(uri)).timeout(TIMEOUT).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode() + " from " + uri);
    }
    return response.body();
  }
}
