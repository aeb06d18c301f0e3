package dev.gatehouse.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The bearer token that guards the admin endpoints; absent means they are switched off. */
@ApplicationScoped
public class AdminSettings {

  @Inject
  @ConfigProperty(name = "oidc.admin.token")
  Optional<String> adminToken;

  public Optional<String> adminToken() {
    return adminToken.filter(token -> !token.isBlank());
  }
}
