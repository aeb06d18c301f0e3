package dev.gatehouse.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the database answers a trivial query through the persistence unit. */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

  @PersistenceContext EntityManager em;

  @Override
  public HealthCheckResponse call() {
    try {
      em.createNativeQuery("SELECT 1").getSingleResult();
      return HealthCheckResponse.up("database");
    } catch (RuntimeException e) {
      // The exception class only: a driver message may carry connection details.
      return HealthCheckResponse.named("database")
          .down()
          .withData("error", e.getClass().getSimpleName())
          .build();
    }
  }
}
