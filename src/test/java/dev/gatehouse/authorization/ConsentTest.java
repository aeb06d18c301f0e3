package dev.gatehouse.authorization;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConsentTest {

  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  @Test
  void addWhenMoreScopesThenAllCovered() {
    Consent consent = new Consent("sub", "client", List.of("openid", "profile"), NOW);

    consent.add(List.of("email"), NOW);

    assertTrue(consent.covers(List.of("openid", "profile", "email")));
  }

  /** A client whose scopes changed often: the union would overflow the column (a 500 at commit). */
  @Test
  void addWhenAllTogetherWouldNotFitThenTheLatestConsentAlone() {
    List<String> old = scopes("old", 190); // 190 scopes of 9 characters, spaces between: 1899
    List<String> latest = scopes("new", 20); // 200 more: 2099 together
    Consent consent = new Consent("sub", "client", old, NOW);

    consent.add(latest, NOW);

    assertTrue(consent.covers(latest));
    assertFalse(consent.covers(List.of(old.get(0))), "asked again for what was left out");
  }

  private static List<String> scopes(String prefix, int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> prefix + ".s" + String.format("%04d", i))
        .toList();
  }
}
