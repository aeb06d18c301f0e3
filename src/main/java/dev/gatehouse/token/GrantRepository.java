package dev.gatehouse.token;

import dev.gatehouse.persistence.SecretHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
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

  /**
   * Records that a refresh token of the grant lives until {@code until} (never lowering the
   * recorded end): the purge keeps the grant's refresh chain, rotated tokens included for reuse
   * detection, until then. One UPDATE of that column alone, never a write-back of the whole row,
   * which would undo a revocation committed since the row was read.
   */
  public void extendTo(String id, Instant until) {
    em.createQuery(
            "UPDATE Grant g SET g.expiresAt = :until WHERE g.id = :id AND g.expiresAt < :until")
        .setParameter("until", until)
        .setParameter("id", id)
        .executeUpdate();
  }

  /**
   * The grant issued for this code, whether or not the code's row is still stored; empty for a
   * value no code could be.
   */
  public Optional<Grant> findByCode(String code) {
    if (code == null || code.isEmpty() || code.length() > 200) {
      return Optional.empty();
    }
    return em.createQuery("SELECT g FROM Grant g WHERE g.codeHash = :hash", Grant.class)
        .setParameter("hash", SecretHasher.fingerprintFull(code))
        .getResultStream()
        .findFirst();
  }

  /** The grant whose refresh tokens are of the family with this hash. */
  public Optional<Grant> findByRefreshFamily(String familyHash) {
    return em.createQuery("SELECT g FROM Grant g WHERE g.refreshFamilyHash = :hash", Grant.class)
        .setParameter("hash", familyHash)
        .getResultStream()
        .findFirst();
  }

  /**
   * The grant a refresh token value was issued under ({@link RefreshTokenValue}), whether or not
   * the token itself is still stored: the grant of the family it names, when it carries that
   * family's MAC. Empty for the legacy form, a malformed value, or one that only begins with a
   * family (cut short, made up).
   */
  Optional<Grant> findByFamilyOf(String refreshToken) {
    return RefreshTokenValue.familyOf(refreshToken)
        .flatMap(family -> findByRefreshFamily(RefreshTokenValue.hash(family)))
        .filter(grant -> RefreshTokenValue.isGenuine(refreshToken, grant.refreshFamilyKey()));
  }

  /**
   * Records the family of the grant's refresh tokens, at its first one (a grant yields one chain:
   * its code is used once). One UPDATE of that column alone, as {@link #extendTo}.
   */
  public void beginRefreshFamily(String id, String familyHash, String familyKey) {
    em.createQuery(
            "UPDATE Grant g SET g.refreshFamilyHash = :hash, g.refreshFamilyKey = :key"
                + " WHERE g.id = :id AND g.refreshFamilyHash IS NULL")
        .setParameter("hash", familyHash)
        .setParameter("key", familyKey)
        .setParameter("id", id)
        .executeUpdate();
  }

  /**
   * Revokes one grant, and so every code and token it yielded; false if it was revoked already (or
   * is gone).
   */
  public boolean revoke(String id, Instant now) {
    return em.createQuery(
                "UPDATE Grant g SET g.revokedAt = :now WHERE g.id = :id AND g.revokedAt IS NULL")
            .setParameter("now", now)
            .setParameter("id", id)
            .executeUpdate()
        == 1;
  }

  /** Revokes every live grant of a user, with all their codes and tokens; returns how many. */
  public int revokeAllOfSubject(String subject, Instant now) {
    return em.createQuery(
            "UPDATE Grant g SET g.revokedAt = :now"
                + " WHERE g.subject = :subject AND g.revokedAt IS NULL")
        .setParameter("now", now)
        .setParameter("subject", subject)
        .executeUpdate();
  }

  /**
   * Revokes the live grants made in one SSO session without offline_access (which lets a grant
   * outlive the session); returns how many.
   */
  public int revokeOnlineOfSession(String sid, Instant now) {
    List<String> online =
        em.createQuery(
                "SELECT g.id, g.scope FROM Grant g WHERE g.sid = :sid AND g.revokedAt IS NULL",
                Object[].class)
            .setParameter("sid", sid)
            .getResultStream()
            .filter(row -> !TokenIssuer.scopes((String) row[1]).contains("offline_access"))
            .map(row -> (String) row[0])
            .toList();
    if (online.isEmpty()) {
      return 0;
    }
    return em.createQuery(
            "UPDATE Grant g SET g.revokedAt = :now WHERE g.id IN :ids AND g.revokedAt IS NULL")
        .setParameter("now", now)
        .setParameter("ids", online)
        .executeUpdate();
  }

  /** Revokes every live grant a user gave one client; returns how many. */
  public int revokeAllOf(String subject, String clientId, Instant now) {
    return em.createQuery(
            "UPDATE Grant g SET g.revokedAt = :now WHERE g.subject = :subject"
                + " AND g.clientId = :client AND g.revokedAt IS NULL")
        .setParameter("now", now)
        .setParameter("subject", subject)
        .setParameter("client", clientId)
        .executeUpdate();
  }

  /** Revokes every live grant of a client (and so all its codes and tokens); returns how many. */
  public int revokeAllOfClient(String clientId, Instant now) {
    return em.createQuery(
            "UPDATE Grant g SET g.revokedAt = :now WHERE g.clientId = :client AND g.revokedAt IS NULL")
        .setParameter("now", now)
        .setParameter("client", clientId)
        .executeUpdate();
  }
}
