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

  /** The WAR's own embedded H2 datasource, defined in {@code persistence.DatabaseMigration}. */
  public static final String EMBEDDED_JNDI_NAME = "java:app/jdbc/gatehouse";

  /** Whether the provider runs on its embedded H2 default (where the demo user may exist). */
  public boolean isEmbedded() {
    return EMBEDDED_JNDI_NAME.equals(jndiName);
  }

  /** JNDI name of the JTA datasource, the same one {@code persistence.xml} resolves. */
  public String jndiName() {
    return jndiName;
  }
}
