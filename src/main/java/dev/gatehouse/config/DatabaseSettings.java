package dev.gatehouse.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Which datasource the provider uses (the embedded H2 default or a server-defined one). */
@ApplicationScoped
public class DatabaseSettings {

  @Inject
  @ConfigProperty(name = "oidc.db.jndi-name")
  String jndiName;

  /** JNDI name of the JTA datasource, the same one {@code persistence.xml} resolves. */
  public String jndiName() {
    return jndiName;
  }
}
