package dev.gatehouse.testing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real persistence unit (entities, named queries, Hibernate) on a {@link FreshDatabase} (a
 * fresh in-memory H2 database, or a schema of its own in PostgreSQL under -Dunit.db=postgresql),
 * with resource-local transactions: for unit tests of repositories and their SQL without a
 * container. Register it in a test class with {@code @RegisterExtension static final JpaDatabase db
 * = new JpaDatabase();}: it is closed, and the database dropped, after the class's tests.
 */
public final class JpaDatabase implements AutoCloseable, AfterAllCallback {

  private final FreshDatabase database;
  private final EntityManagerFactory factory;

  public JpaDatabase() {
    database = new FreshDatabase("jpa");
    try {
      factory =
          Persistence.createEntityManagerFactory(
              "gatehouse",
              Map.of(
                  "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                  "jakarta.persistence.nonJtaDataSource", database.dataSource(),
                  "hibernate.transaction.jta.platform",
                      "org.hibernate.engine.transaction.jta.platform.internal.NoJtaPlatform"));
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  public EntityManager entityManager() {
    return factory.createEntityManager();
  }

  /** Runs work in one committed transaction of a new entity manager; returns what it answered. */
  public <T> T fromTransaction(Function<EntityManager, T> work) {
    List<T> answer = new ArrayList<>(1);
    inTransaction(em -> answer.add(work.apply(em)));
    return answer.get(0);
  }

  /** Runs work in one committed transaction of a new entity manager. */
  public void inTransaction(Consumer<EntityManager> work) {
    EntityManager em = factory.createEntityManager();
    try {
      em.getTransaction().begin();
      work.accept(em);
      em.getTransaction().commit();
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  @Override
  public void close() {
    try {
      factory.close();
    } finally {
      database.close();
    }
  }
}
