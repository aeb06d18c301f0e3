package dev.gatehouse.authorization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;

/** Remembered consent per user and client. */
@ApplicationScoped
public class ConsentRepository {

  @PersistenceContext EntityManager em;

  public boolean covers(String subject, String clientId, Collection<String> scopes) {
    Consent consent = em.find(Consent.class, new Consent.Key(subject, clientId));
    return consent != null && consent.covers(scopes);
  }

  /** Forgets every user's consent to a client (the client is deleted); returns how many. */
  public int forgetClient(String clientId) {
    return em.createQuery("DELETE FROM Consent c WHERE c.clientId = :clientId")
        .setParameter("clientId", clientId)
        .executeUpdate();
  }

  /** Forgets a user's consent to a client; returns how many consents went (0 or 1). */
  public int forget(String subject, String clientId) {
    return em.createQuery(
            "DELETE FROM Consent c WHERE c.subject = :subject AND c.clientId = :client")
        .setParameter("subject", subject)
        .setParameter("client", clientId)
        .executeUpdate();
  }

  public void grant(String subject, String clientId, Collection<String> scopes, Instant now) {
    Consent consent = em.find(Consent.class, new Consent.Key(subject, clientId));
    if (consent == null) {
      em.persist(new Consent(subject, clientId, scopes, now));
    } else {
      consent.add(scopes, now);
    }
  }
}
