package dev.gatehouse.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Stores and finds grants. */
@ApplicationScoped
public class GrantRepository {

  @PersistenceContext EntityManager em;

  public void persist(Grant grant) {
    em.persist(grant);
  }

  public Optional<Grant> find(String id) {
    return Optional.ofNullable(em.find(Grant.class, id));
  }

  /** Revokes every live grant of a client (and so all its codes and tokens); returns how many. */
  public int revokeAllOfClient(String clientId, java.time.Instant now) {
    return em.createQuery(
            "UPDATE Grant g SET g.revokedAt = :now WHERE g.clientId = :client AND g.revokedAt IS NULL")
        .setParameter("now", now)
        .setParameter("client", clientId)
        .executeUpdate();
  }

  /** Whether the access token with this jti belongs to a live (unrevoked) grant. */
  public boolean isAccessTokenActive(String jti) {
    return !em.createQuery(
            "SELECT g.id FROM Grant g, IssuedAccessToken t WHERE t.jti = :jti AND t.grantId = g.id"
                + " AND g.revokedAt IS NULL",
            String.class)
        .setParameter("jti", jti)
        .getResultList()
        .isEmpty();
  }
}
