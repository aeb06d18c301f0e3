package dev.gatehouse.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Resource servers: clients that may introspect access tokens issued to other clients, each for the
 * audiences it serves.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7662#section-4">RFC 7662 §4</a>
 */
@ApplicationScoped
public class IntrospectionSettings {

  /** The audience entry that lets a resource server see tokens for every audience. */
  public static final String ANY_AUDIENCE = "*";

  @Inject
  @ConfigProperty(name = "oidc.introspection.resource-servers")
  Optional<String> resourceServers;

  private Map<String, Set<String>> audiences;

  @PostConstruct
  void parseEntries() {
    audiences = resourceServers.map(IntrospectionSettings::parse).orElse(Map.of());
  }

  /**
   * Observing the start of the application creates this bean then: a malformed value stops the
   * deployment instead of failing introspection requests one by one.
   */
  void started(@Observes @Initialized(ApplicationScoped.class) Object event) {
    // parseEntries() has run.
  }

  /** The audiences a client serves as a resource server; empty for any other client. */
  public Set<String> audiencesServedBy(String clientId) {
    return audiences.getOrDefault(clientId, Set.of());
  }

  /** Parses {@code client_id=audience} entries, comma-separated; a client may repeat. */
  static Map<String, Set<String>> parse(String value) {
    Map<String, Set<String>> parsed = new HashMap<>();
    for (String entry : value.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int eq = entry.indexOf('=');
      String clientId = eq < 0 ? "" : entry.substring(0, eq).trim();
      String audience = eq < 0 ? "" : entry.substring(eq + 1).trim();
      if (clientId.isEmpty() || audience.isEmpty()) {
        throw new IllegalStateException(
            "oidc.introspection.resource-servers entries must be client_id=audience: " + entry);
      }
      parsed.computeIfAbsent(clientId, id -> new HashSet<>()).add(audience);
    }
    return Map.copyOf(parsed);
  }
}
