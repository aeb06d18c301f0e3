package dev.gatehouse.authorization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.persistence.SecretHasher;
import dev.gatehouse.testing.FreshDatabase;
import dev.gatehouse.testing.Interleaved;
import dev.gatehouse.testing.JpaDatabase;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A code is redeemed once (RFC 6749 §4.1.2), by one conditional UPDATE, on the real schema (H2;
 * PostgreSQL in its profile).
 */
@Tag(FreshDatabase.TAG)
class AuthorizationCodeRepositoryTest {

  static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");

  @RegisterExtension static final JpaDatabase db = new JpaDatabase();

  @BeforeEach
  void empty() {
    db.inTransaction(em -> em.createQuery("DELETE FROM AuthorizationCode").executeUpdate());
  }

  @Test
  void consumeWhenUsedTwiceThenOnlyFirstSucceedsAndOtherCodesUntouched() {
    store("c1");
    store("c2");

    assertTrue(consumes("c1"));
    assertFalse(consumes("c1"));
    assertTrue(isConsumed("c1"));
    assertFalse(isConsumed("c2"));
  }

  @Test
  void consumeWhenUnknownThenFalse() {
    store("c1");

    assertFalse(consumes("c0"));
    assertFalse(isConsumed("c1"));
  }

  @Test
  void consumeWhenAnotherTransactionConsumedButNotYetCommittedThenWaitsAndLoses() throws Exception {
    store("c1");

    assertFalse(
        Interleaved.secondOnceFirstEnds(
            db,
            em -> repository(em).consume("c1", T0),
            em -> repository(em).consume("c1", T0),
            true),
        "the code was redeemed meanwhile");
  }

  @Test
  void consumeWhenAnotherTransactionConsumedAndRolledBackThenWaitsAndWins() throws Exception {
    // A redemption refused after the UPDATE (say, a wrong code_verifier) rolls back: the code stays
    // redeemable, and a redemption that waited on it gets it.
    store("c1");

    assertTrue(
        Interleaved.secondOnceFirstEnds(
            db,
            em -> repository(em).consume("c1", T0),
            em -> repository(em).consume("c1", T0),
            false),
        "the code was left unredeemed");
  }

  @Test
  void findWhenEmptyOrOversizedThenNothing() {
    assertEquals(
        List.of(false, false, false),
        List.of(
            inRepository(repo -> repo.find(null).isPresent()),
            inRepository(repo -> repo.find("").isPresent()),
            inRepository(repo -> repo.find("c".repeat(201)).isPresent())));
  }

  private static void store(String code) {
    AuthorizationRequest request =
        new AuthorizationRequest(
            "client-1",
            "https://rp.example/cb",
            List.of("openid"),
            null,
            null,
            "challenge",
            Set.of(),
            null,
            null,
            null,
            false);
    db.inTransaction(
        em ->
            repository(em)
                .persist(
                    new AuthorizationCode(
                        SecretHasher.fingerprintFull(code),
                        "grant-1",
                        request,
                        false,
                        T0.plusSeconds(60))));
  }

  private static boolean consumes(String code) {
    return inRepository(repo -> repo.consume(code, T0));
  }

  private static boolean isConsumed(String code) {
    Instant consumedAt =
        db.fromTransaction(
            em ->
                em.createQuery(
                        "SELECT c.consumedAt FROM AuthorizationCode c WHERE c.codeHash = :hash",
                        Instant.class)
                    .setParameter("hash", SecretHasher.fingerprintFull(code))
                    .getSingleResult());
    return consumedAt != null;
  }

  private static <T> T inRepository(java.util.function.Function<AuthorizationCodeRepository, T> f) {
    return db.fromTransaction(em -> f.apply(repository(em)));
  }

  private static AuthorizationCodeRepository repository(EntityManager em) {
    AuthorizationCodeRepository repo = new AuthorizationCodeRepository();
    repo.em = em;
    return repo;
  }
}
