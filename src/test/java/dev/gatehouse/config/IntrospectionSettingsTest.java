package dev.gatehouse.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IntrospectionSettingsTest {

  @Test
  void parseWhenClientAudiencePairsThenAudiencesPerClient() {
    Map<String, Set<String>> parsed =
        IntrospectionSettings.parse(
            " gateway=* , orders=https://api.example/orders,orders=gatehouse-api,,");

    assertEquals(
        Map.of(
            "gateway", Set.of("*"),
            "orders", Set.of("https://api.example/orders", "gatehouse-api")),
        parsed);
  }

  @Test
  void settingsWhenValueMalformedThenRefusedWhenCreatedNotWhenAsked() {
    IntrospectionSettings settings = new IntrospectionSettings();
    settings.resourceServers = Optional.of("gateway");

    assertThrows(IllegalStateException.class, settings::parseEntries);
  }

  @Test
  void settingsWhenUnsetThenNoClientServesAnyAudience() {
    IntrospectionSettings settings = new IntrospectionSettings();
    settings.resourceServers = Optional.empty();
    settings.parseEntries();

    assertEquals(Set.of(), settings.audiencesServedBy("anyone"));
  }

  @Test
  void parseWhenEntryLacksClientOrAudienceThenRefused() {
    for (String value : new String[] {"gateway", "=aud", "gateway=", "a=b,c"}) {
      assertThrows(IllegalStateException.class, () -> IntrospectionSettings.parse(value), value);
    }
  }
}
