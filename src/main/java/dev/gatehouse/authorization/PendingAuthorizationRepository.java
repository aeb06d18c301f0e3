package dev.gatehouse.authorization;

import dev.gatehouse.persistence.StoredText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Stores authorization requests that wait for login or consent. */
@ApplicationScoped
public class PendingAuthorizationRepository {

  @PersistenceContext EntityManager em;

  public void persist(PendingAuthorization pending) {
    em.persist(pending);
  }

  public Optional<PendingAuthorization> find(String id) {
    if (!StoredText.storable(id) || id.isEmpty() || id.length() > 64) {
      return Optional.empty();
    }
    return Optional.ofNullable(em.find(PendingAuthorization.class, id));
  }

  /**
   * Removes the request for the one caller that gets to continue it: false when another request (a
   * second tab, a double submit) took it first.
   */
  public boolean take(PendingAuthorization pending) {
    return em.createQuery("DELETE FROM PendingAuthorization p WHERE p.id = :id")
            .setParameter("id", pending.id())
            .executeUpdate()
        == 1;
  }
}
