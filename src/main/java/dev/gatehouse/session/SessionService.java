package dev.gatehouse.session;

import dev.gatehouse.config.AuthorizationSettings;
import dev.gatehouse.persistence.SecretHasher;
import dev.gatehouse.protocol.RandomTokens;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Starts, finds and ends SSO sessions. The browser holds a random 256-bit value; the database holds
 * its SHA-256, so any instance sharing the database can continue the session.
 */
@Stateless
public class SessionService {

  @PersistenceContext EntityManager em;
  @Inject AuthorizationSettings settings;

  Clock clock = Clock.systemUTC();

  /** A started session and the cookie value that names it (shown to the browser only). */
  public record Started(UserSession session, String cookieValue) {}

  public Started start(String subject) {
    String cookieValue = RandomTokens.base64url(32);
    Instant now = clock.instant();
    UserSession session =
        new UserSession(
            SecretHasher.fingerprintFull(cookieValue),
            RandomTokens.base64url(16),
            subject,
            now,
            now.plus(settings.sessionTtl()));
    em.persist(session);
    return new Started(session, cookieValue);
  }

  /** The active session a cookie value names, if any. */
  public Optional<UserSession> find(String cookieValue) {
    if (cookieValue == null || cookieValue.isEmpty() || cookieValue.length() > 100) {
      return Optional.empty();
    }
    UserSession session = em.find(UserSession.class, SecretHasher.fingerprintFull(cookieValue));
    return Optional.ofNullable(session).filter(s -> s.isActive(clock.instant()));
  }

  /**
   * Whether the session with this public {@code sid} is still active: neither ended (logout, the
   * operator's sign-out) nor expired, nor purged. An expired session cannot be ended any more (a
   * logout then writes nothing), so only "still active" is safe to trust.
   */
  public boolean isActive(String sid, Instant now) {
    return !em.createQuery(
            "SELECT s.sid FROM UserSession s"
                + " WHERE s.sid = :sid AND s.endedAt IS NULL AND s.expiresAt > :now",
            String.class)
        .setParameter("sid", sid)
        .setParameter("now", now)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /** Ends the active session a cookie value names; returns it, empty when there was none. */
  public Optional<UserSession> end(String cookieValue, Instant now) {
    Optional<UserSession> session = find(cookieValue);
    session.ifPresent(
        s -> {
          s.end(now);
          // Written now, not at commit: what the caller revokes next is locked after the session,
          // in the order the operator's sign-out everywhere takes (no deadlock between the two).
          em.flush();
        });
    return session;
  }

  /**
   * Ends the active session with this public {@code sid} if it is the subject's, as an ID token of
   * it names it (a logout from a browser that does not hold the session's cookie); returns it,
   * empty when there was none.
   */
  public Optional<UserSession> endBySid(String sid, String subject, Instant now) {
    Optional<UserSession> session =
        em
            .createQuery(
                "SELECT s FROM UserSession s WHERE s.sid = :sid AND s.subject = :subject"
                    + " AND s.endedAt IS NULL AND s.expiresAt > :now",
                UserSession.class)
            .setParameter("sid", sid)
            .setParameter("subject", subject)
            .setParameter("now", now)
            .setMaxResults(1)
            .getResultList()
            .stream()
            .findFirst();
    session.ifPresent(
        s -> {
          s.end(now);
          em.flush();
        });
    return session;
  }

  /** Ends every active session of a user, in every browser; returns how many. */
  public int endAllOf(String subject, Instant now) {
    return em.createQuery(
            "UPDATE UserSession s SET s.endedAt = :now"
                + " WHERE s.subject = :subject AND s.endedAt IS NULL AND s.expiresAt > :now")
        .setParameter("now", now)
        .setParameter("subject", subject)
        .executeUpdate();
  }
}
