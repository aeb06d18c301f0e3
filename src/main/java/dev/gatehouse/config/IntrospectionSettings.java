package dev.gatehouse.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which clients may introspect access tokens issued to other clients (resource servers).
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7662#section-4">RFC 7662 §4</a>
 */
@ApplicationScoped
public class IntrospectionSettings {

  @Inject
  @ConfigProperty(name = "oidc.introspection.resource-servers")
  Optional<String> resourceServers;

  /** The client_ids allowed to introspect any client's access tokens; empty by default. */
  public List<String> resourceServers() {
    return resourceServers.map(IntrospectionSettings::split).orElse(List.of());
  }

  static List<String> split(String value) {
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
