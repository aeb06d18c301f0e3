package dev.gatehouse.persistence;

import dev.gatehouse.config.DatabaseSettings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/** Deletes one batch of one purge rule in a transaction of its own. */
@Stateless
public class PurgeService {

  @Inject DatabaseSettings settings;

  private DataSource dataSource;

  @PostConstruct
  void lookup() {
    dataSource = DataSources.lookup(settings.jndiName());
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int deleteBatch(PurgeRule rule, Instant cutoff) {
    try (Connection connection = dataSource.getConnection()) {
      return PurgeRules.deleteBatch(connection, rule, cutoff);
    } catch (SQLException e) {
      throw new IllegalStateException("Purge of " + rule.name() + " failed: " + e.getSQLState(), e);
    }
  }
}
