package dev.gatehouse.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.persistence.SecretHasher;
import dev.gatehouse.testing.FreshDatabase;
import dev.gatehouse.testing.Interleaved;
import dev.gatehouse.testing.JpaDatabase;
import dev.gatehouse.testing.Together;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The refresh-token queries of rotation and the retry window, on the real schema (H2; PostgreSQL in
 * its profile).
 */
@Tag(FreshDatabase.TAG)
class RefreshTokenRepositoryTest {

  static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");

  @RegisterExtension static final JpaDatabase db = new JpaDatabase();

  @BeforeEach
  void empty() {
    db.inTransaction(em -> em.createQuery("DELETE FROM RefreshToken").executeUpdate());
  }

  @Test
  void consumeWhenUsedTwiceThenOnlyFirstSucceeds() {
    store("r1", null);

    assertTrue(holds(repo -> repo.consume("r1", T0)));
    assertFalse(holds(repo -> repo.consume("r1", T0.plusSeconds(1))));
    assertTrue(holds(repo -> repo.find("r1").orElseThrow().isConsumed()));
  }

  @Test
  void markRetriedWhenRetriedTwiceThenOnlyFirstSucceeds() {
    store("r1", null);

    assertTrue(holds(repo -> repo.markRetried(repo.find("r1").orElseThrow(), T0)));
    assertFalse(holds(repo -> repo.markRetried(repo.find("r1").orElseThrow(), T0)));
  }

  @Test
  void withdrawSuccessorWhenUnusedThenConsumedAndReturnedWithItsAccessToken() {
    store("r1", null);
    store("r2", "r1");
    store("unrelated", null);

    String withdrawn =
        inTransaction(
            repo ->
                repo.withdrawSuccessor(repo.find("r1").orElseThrow(), T0)
                    .map(RefreshToken::accessTokenJti)
                    .orElse(null));

    assertEquals("jti-of-r2", withdrawn);
    assertTrue(holds(repo -> repo.find("r2").orElseThrow().isConsumed()));
    assertFalse(holds(repo -> repo.find("unrelated").orElseThrow().isConsumed()));
    assertFalse(
        inTransaction(repo -> repo.withdrawSuccessor(repo.find("r1").orElseThrow(), T0))
            .isPresent(),
        "withdrawn once");
  }

  @Test
  void withdrawSuccessorWhenSuccessorAlreadyUsedThenEmpty() {
    store("r1", null);
    store("r2", "r1");
    inTransaction(repo -> repo.consume("r2", T0));

    assertFalse(
        inTransaction(repo -> repo.withdrawSuccessor(repo.find("r1").orElseThrow(), T0))
            .isPresent());
  }

  @Test
  void reloadWhenRotatedElsewhereThenSeesIt() {
    store("r1", null);
    EntityManager em = db.entityManager();
    RefreshTokenRepository repo = repository(em);
    em.getTransaction().begin();
    RefreshToken loaded = repo.find("r1").orElseThrow();
    inTransaction(other -> other.consume("r1", T0));

    RefreshToken reloaded = repo.reload(loaded).orElseThrow();

    assertEquals(T0, reloaded.consumedAt());
    em.getTransaction().rollback();
    em.close();
  }

  @Test
  void reloadWhenPurgedElsewhereThenGoneAndTransactionCanStillCommit() {
    store("r1", null);
    EntityManager em = db.entityManager();
    RefreshTokenRepository repo = repository(em);
    em.getTransaction().begin();
    RefreshToken loaded = repo.find("r1").orElseThrow();
    db.inTransaction(
        other ->
            other
                .createQuery("DELETE FROM RefreshToken t WHERE t.tokenHash = :hash")
                .setParameter("hash", SecretHasher.fingerprintFull("r1"))
                .executeUpdate());

    boolean stillThere = repo.reload(loaded).isPresent();

    // The reuse this tells must commit its revocation: nothing may have marked it for rollback.
    assertFalse(stillThere);
    assertFalse(em.getTransaction().getRollbackOnly());
    em.getTransaction().rollback();
    em.close();
  }

  @Test
  void markRetriedAndWithdrawSuccessorWhenRacedThenExactlyOneWinsEach() throws Exception {
    for (int round = 0; round < 10; round++) {
      empty();
      store("r1", null);
      store("r2", "r1");

      int retries = race(repo -> repo.markRetried(repo.find("r1").orElseThrow(), T0));
      int withdrawals =
          race(repo -> repo.withdrawSuccessor(repo.find("r1").orElseThrow(), T0).isPresent());

      assertEquals(1, retries, "round " + round);
      assertEquals(1, withdrawals, "round " + round);
    }
  }

  @Test
  void consumeWhenRacedThenExactlyOneWins() throws Exception {
    for (int round = 0; round < 10; round++) {
      empty();
      store("r1", null);

      assertEquals(1, race(repo -> repo.consume("r1", T0)), "round " + round);
    }
  }

  @Test
  void consumeWhenAnotherTransactionConsumedButNotYetCommittedThenWaitsAndLoses() throws Exception {
    // The race above may happen to run serially; this one pins the interleaving: the second
    // UPDATE must wait for the first's row lock and then see the token used (no read-then-write).
    store("r1", null);

    assertFalse(
        Interleaved.secondOnceFirstEnds(
            db,
            em -> repository(em).consume("r1", T0),
            em -> repository(em).consume("r1", T0),
            true),
        "the token was used meanwhile");
  }

  @Test
  void consumeWhenAnotherTransactionConsumedAndRolledBackThenWaitsAndWins() throws Exception {
    // The other side of the test above: the waiting UPDATE wins once the first one is undone (a
    // refused refresh rolls back and leaves the token usable), so waiting is not just failing.
    store("r1", null);

    assertTrue(
        Interleaved.secondOnceFirstEnds(
            db,
            em -> repository(em).consume("r1", T0),
            em -> repository(em).consume("r1", T0),
            false),
        "the token was left unused");
  }

  /** Runs the check in 8 threads at once, each in its own transaction; counts the trues. */
  private int race(java.util.function.Predicate<RefreshTokenRepository> check) throws Exception {
    return (int) Together.send(() -> holds(check), 8).stream().filter(won -> won).count();
  }

  private void store(String value, String parent) {
    db.inTransaction(
        em ->
            repository(em)
                .persist(
                    new RefreshToken(
                            SecretHasher.fingerprintFull(value),
                            "grant-1",
                            "client-1",
                            "openid offline_access",
                            T0,
                            T0.plus(Duration.ofDays(30)))
                        .issuedWith(
                            "jti-of-" + value,
                            parent == null ? null : SecretHasher.fingerprintFull(parent))));
  }

  private boolean holds(java.util.function.Predicate<RefreshTokenRepository> check) {
    return inTransaction(check::test);
  }

  private <T> T inTransaction(java.util.function.Function<RefreshTokenRepository, T> work) {
    return db.fromTransaction(em -> work.apply(repository(em)));
  }

  private static RefreshTokenRepository repository(EntityManager em) {
    RefreshTokenRepository repo = new RefreshTokenRepository();
    repo.em = em;
    return repo;
  }
}
