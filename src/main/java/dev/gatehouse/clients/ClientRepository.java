package dev.gatehouse.clients;

import dev.gatehouse.persistence.Failures;
import dev.gatehouse.persistence.StoredText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Stores and finds clients. */
@ApplicationScoped
public class ClientRepository {

  @PersistenceContext EntityManager em;

  public Optional<Client> find(String clientId) {
    if (!StoredText.storable(clientId) || clientId.isEmpty() || clientId.length() > 128) {
      return Optional.empty();
    }
    return Optional.ofNullable(em.find(Client.class, clientId));
  }

  /**
   * The client, its row locked until the transaction ends (SELECT ... FOR UPDATE): changes to one
   * registration take turns instead of failing on each other's version at commit.
   */
  public Optional<Client> findForUpdate(String clientId) {
    if (!StoredText.storable(clientId) || clientId.isEmpty() || clientId.length() > 128) {
      return Optional.empty();
    }
    return Optional.ofNullable(em.find(Client.class, clientId, LockModeType.PESSIMISTIC_WRITE));
  }

  /** Forgets a client read in this transaction, so that the next find reads its row anew. */
  public void detach(Client client) {
    em.detach(client);
  }

  /**
   * Stores a new client now; false when its client_id was taken meanwhile (the operator creating
   * the same client_id twice at once, caught by the primary key, the transaction then rolled back).
   */
  public boolean persistNew(Client client) {
    return Failures.insertNow(em, client);
  }

  public void delete(Client client) {
    em.remove(em.contains(client) ? client : em.merge(client));
  }
}
