package dev.gatehouse.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** Stores and finds signing keys. */
@ApplicationScoped
public class SigningKeyRepository {

  @PersistenceContext EntityManager em;

  /** Every key that belongs in the JWKS now: next, active, and retired ones not yet expired. */
  public List<SigningKey> findPublished(Instant now) {
    return em.createNamedQuery("SigningKey.findPublished", SigningKey.class)
        .setParameter("now", now)
        .getResultList();
  }

  public void persist(SigningKey key) {
    em.persist(key);
  }

  /** Deletes retired keys past their publication window, private parts included. */
  public int deleteExpired(Instant now) {
    return em.createNamedQuery("SigningKey.deleteExpired").setParameter("now", now).executeUpdate();
  }
}
