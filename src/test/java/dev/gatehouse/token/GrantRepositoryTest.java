package dev.gatehouse.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.persistence.SecretHasher;
import dev.gatehouse.testing.FreshDatabase;
import dev.gatehouse.testing.JpaDatabase;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The grant updates that race with each other, on the real schema (H2; PostgreSQL in its profile).
 */
@Tag(FreshDatabase.TAG)
class GrantRepositoryTest {

  static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");

  @RegisterExtension static final JpaDatabase db = new JpaDatabase();

  @Test
  void extendToWhenRevokedSinceTheGrantWasReadThenRevocationKept() {
    store("g-race");
    EntityManager refreshing = db.entityManager();
    try {
      refreshing.getTransaction().begin();
      GrantRepository repo = repository(refreshing);
      Grant read = repo.find("g-race").orElseThrow();
      assertFalse(read.isRevoked());

      // A reuse detection, a /revoke or a client deletion commits while the refresh runs on.
      db.inTransaction(em -> repository(em).revoke("g-race", T0.plusSeconds(1)));
      repo.extendTo("g-race", T0.plus(Duration.ofDays(1)));
      refreshing.getTransaction().commit();
    } finally {
      refreshing.close();
    }

    Grant after = load("g-race");
    assertTrue(after.isRevoked(), "the refresh must not write back the revoked_at it read");
    assertEquals(T0.plus(Duration.ofDays(1)), expiresAt("g-race"));
  }

  @Test
  void extendToWhenEarlierThanRecordedThenRecordedEndKept() {
    store("g-order");
    db.inTransaction(em -> repository(em).extendTo("g-order", T0.plus(Duration.ofDays(30))));

    db.inTransaction(em -> repository(em).extendTo("g-order", T0.plus(Duration.ofDays(2))));

    assertEquals(T0.plus(Duration.ofDays(30)), expiresAt("g-order"));
  }

  @Test
  void findByCodeWhenIssuedForThatCodeThenFoundRevokedOrNotAndOtherValuesNot() {
    db.inTransaction(
        em ->
            repository(em)
                .persist(
                    new Grant("g-code", "sub", "client", "openid", T0, null, T0)
                        .withCode(SecretHasher.fingerprintFull("the-code"))));
    db.inTransaction(em -> repository(em).revoke("g-code", T0.plusSeconds(1)));

    assertEquals("g-code", grantOfCode("the-code"));
    assertNull(grantOfCode("another-code"));
    assertNull(grantOfCode(""));
    assertNull(grantOfCode("x".repeat(201)));
  }

  @Test
  void findByFamilyOfWhenTheValueCarriesTheStoredKeysMacThenItsGrantElseNothing() {
    store("g-family");
    String family = RefreshTokenValue.newFamily();
    String key = RefreshTokenValue.newFamilyKey();
    db.inTransaction(
        em -> repository(em).beginRefreshFamily("g-family", RefreshTokenValue.hash(family), key));
    String issued = RefreshTokenValue.issue(family, key);

    assertEquals("g-family", grantOfFamily(issued), "the key was stored with the family");
    assertNull(grantOfFamily(family + ".x"), "only the family is real");
    assertNull(grantOfFamily(issued.substring(0, issued.length() - 2)), "cut short");
    assertNull(grantOfFamily(RefreshTokenValue.issue(RefreshTokenValue.newFamily(), key)));
    db.inTransaction(
        em ->
            repository(em)
                .beginRefreshFamily(
                    "g-family", RefreshTokenValue.hash(RefreshTokenValue.newFamily()), null));
    assertEquals("g-family", grantOfFamily(issued), "a grant's family is begun once");
  }

  @Test
  void revokeWhenAlreadyRevokedThenFalseAndTheFirstRevocationKept() {
    store("g-twice");
    boolean first = db.fromTransaction(em -> repository(em).revoke("g-twice", T0));
    boolean second = db.fromTransaction(em -> repository(em).revoke("g-twice", T0.plusSeconds(5)));

    assertTrue(first);
    assertFalse(second, "a replay burst revokes once");
    EntityManager em = db.entityManager();
    try {
      assertEquals(
          T0,
          em.createQuery("SELECT g.revokedAt FROM Grant g WHERE g.id = 'g-twice'", Instant.class)
              .getSingleResult());
    } finally {
      em.close();
    }
  }

  @Test
  void revokeOnlineOfSessionWhenGrantsOfTheSessionThenThoseWithoutOfflineAccessRevoked() {
    storeOfSession("s-online", "openid profile", "sid-1");
    storeOfSession("s-lookalike", "openid my_offline_access", "sid-1");
    storeOfSession("s-offline", "openid offline_access", "sid-1");
    storeOfSession("s-other-session", "openid", "sid-2");
    storeOfSession("s-revoked", "openid", "sid-1");
    db.inTransaction(em -> repository(em).revoke("s-revoked", T0.plusSeconds(1)));

    int revoked = revokeOnlineOf("sid-1");

    assertEquals(2, revoked, "the revoked one is not counted again");
    assertTrue(load("s-online").isRevoked());
    assertTrue(load("s-lookalike").isRevoked(), "offline_access is a whole scope token");
    assertFalse(load("s-offline").isRevoked());
    assertFalse(load("s-other-session").isRevoked());
    assertEquals(0, revokeOnlineOf("sid-9"));
  }

  private static int revokeOnlineOf(String sid) {
    return db.fromTransaction(em -> repository(em).revokeOnlineOfSession(sid, T0));
  }

  private static void storeOfSession(String id, String scope, String sid) {
    db.inTransaction(
        em -> repository(em).persist(new Grant(id, "sub", "client", scope, T0, sid, T0)));
  }

  private static String grantOfFamily(String refreshToken) {
    EntityManager em = db.entityManager();
    try {
      return repository(em).findByFamilyOf(refreshToken).map(Grant::id).orElse(null);
    } finally {
      em.close();
    }
  }

  private static String grantOfCode(String code) {
    EntityManager em = db.entityManager();
    try {
      return repository(em).findByCode(code).map(Grant::id).orElse(null);
    } finally {
      em.close();
    }
  }

  private static void store(String id) {
    db.inTransaction(
        em -> repository(em).persist(new Grant(id, "sub", "client", "openid", T0, null, T0)));
  }

  private static Grant load(String id) {
    EntityManager em = db.entityManager();
    try {
      return em.find(Grant.class, id);
    } finally {
      em.close();
    }
  }

  private static Instant expiresAt(String id) {
    EntityManager em = db.entityManager();
    try {
      return em.createQuery("SELECT g.expiresAt FROM Grant g WHERE g.id = :id", Instant.class)
          .setParameter("id", id)
          .getSingleResult();
    } finally {
      em.close();
    }
  }

  private static GrantRepository repository(EntityManager em) {
    GrantRepository repo = new GrantRepository();
    repo.em = em;
    return repo;
  }
}
