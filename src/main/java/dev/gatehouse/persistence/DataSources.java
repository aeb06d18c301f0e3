package dev.gatehouse.persistence;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/** Looks the configured datasource up by its JNDI name, for the work done in plain JDBC. */
final class DataSources {

  private DataSources() {}

  static DataSource lookup(String jndiName) {
    try {
      return (DataSource) new InitialContext().lookup(jndiName);
    } catch (NamingException e) {
      throw new IllegalStateException("No datasource at JNDI name " + jndiName, e);
    }
  }
}
