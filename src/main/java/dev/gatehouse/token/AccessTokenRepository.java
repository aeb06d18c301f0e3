package dev.gatehouse.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/** Records issued access tokens by jti, answers whether one is still active, and revokes one. */
@ApplicationScoped
public class AccessTokenRepository {

  @PersistenceContext EntityManager em;

  void persist(IssuedAccessToken token) {
    em.persist(token);
  }

  /**
   * Whether the access token with this jti was issued here, has not expired at {@code now}, is not
   * revoked, nor is its grant.
   */
  boolean isActive(String jti, Instant now) {
    return !em.createNamedQuery("IssuedAccessToken.isActive", String.class)
        .setParameter("jti", jti)
        .setParameter("now", now)
        .getResultList()
        .isEmpty();
  }

  /** RFC 7009: revokes this one access token; its grant and refresh token stay live. */
  public void revoke(String jti, Instant now) {
    em.createNamedQuery("IssuedAccessToken.revoke")
        .setParameter("jti", jti)
        .setParameter("now", now)
        .executeUpdate();
  }
}
