package dev.gatehouse.accounts;

import dev.gatehouse.persistence.Failures;
import dev.gatehouse.persistence.StoredText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Stores and finds accounts. */
@ApplicationScoped
public class AccountRepository {

  @PersistenceContext EntityManager em;

  public Optional<Account> findBySubject(String subject) {
    if (!StoredText.storable(subject)) {
      return Optional.empty();
    }
    return Optional.ofNullable(em.find(Account.class, subject));
  }

  /** The account, its row locked until the transaction ends (SELECT ... FOR UPDATE). */
  public Optional<Account> findForUpdate(String subject) {
    if (!StoredText.storable(subject)) {
      return Optional.empty();
    }
    return Optional.ofNullable(em.find(Account.class, subject, LockModeType.PESSIMISTIC_WRITE));
  }

  public Optional<Account> findByUsername(String username) {
    if (!StoredText.storable(username)) {
      return Optional.empty();
    }
    return em.createNamedQuery("Account.findByUsername", Account.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  /**
   * Stores a new account now; false when its username was taken meanwhile (a creation of the same
   * username at the same moment, caught by the unique index, the transaction then rolled back).
   */
  public boolean persistNew(Account account) {
    return Failures.insertNow(em, account);
  }
}
