package dev.gatehouse.token;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.clients.ClientMetadata;
import dev.gatehouse.protocol.OAuthError;
import dev.gatehouse.protocol.OAuthException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** RFC 8707 {@code resource}: parsed for client_credentials, fixed for a user's grant. */
class ResourceIndicatorsTest {

  @Test
  void resourceWhenAbsoluteUriThenIt() {
    assertEquals(
        "https://api.example/a", ResourceIndicators.resource(List.of("https://api.example/a")));
    assertNull(ResourceIndicators.resource(List.of()));
    assertEquals(
        "https://api.example/a",
        ResourceIndicators.resource(List.of("https://api.example/a", "https://api.example/a")),
        "RFC 8707 §2: the same resource named twice is one resource");
  }

  @Test
  void resourceWhenRelativeFragmentRepeatedOrTooLongThenInvalidTarget() {
    assertInvalidTarget(() -> ResourceIndicators.resource(List.of("relative/path")));
    assertInvalidTarget(() -> ResourceIndicators.resource(List.of("https://api.example/a#f")));
    assertInvalidTarget(() -> ResourceIndicators.resource(List.of("https://api example/")));
    assertInvalidTarget(
        () -> ResourceIndicators.resource(List.of("https://a.example/", "https://b.example/")));
    assertInvalidTarget(
        () ->
            ResourceIndicators.resource(
                List.of("https://api.example/" + "x".repeat(ClientMetadata.MAX_RESOURCE_LENGTH))));
  }

  @Test
  void requireNoneOrWhenAbsentOrTheAudienceThenAccepted() {
    assertDoesNotThrow(() -> ResourceIndicators.requireNoneOr(List.of(), "gatehouse-api"));
    assertDoesNotThrow(
        () ->
            ResourceIndicators.requireNoneOr(
                List.of("https://api.example/"), "https://api.example/"));
  }

  /** RFC 8707 §2: a resource is an absolute URI, even when it equals a bare audience name. */
  @Test
  void requireNoneOrWhenNotAnAbsoluteUriThenInvalidTargetEvenIfTheAudience() {
    assertInvalidTarget(
        () -> ResourceIndicators.requireNoneOr(List.of("gatehouse-api"), "gatehouse-api"));
    assertInvalidTarget(
        () ->
            ResourceIndicators.requireNoneOr(
                List.of("https://api.example/#f"), "https://api.example/#f"));
  }

  @Test
  void requireNoneOrWhenAnotherOrTwoThenInvalidTarget() {
    assertInvalidTarget(
        () -> ResourceIndicators.requireNoneOr(List.of("https://api.example/"), "gatehouse-api"));
    assertInvalidTarget(
        () ->
            ResourceIndicators.requireNoneOr(
                List.of("gatehouse-api", "gatehouse-api"), "gatehouse-api"));
  }

  @Test
  void knownWhenListedAbsentOrTheDefaultAudienceThenIt() {
    Set<String> known = Set.of("https://api.example/orders");

    assertEquals(
        "https://api.example/orders",
        ResourceIndicators.known(List.of("https://api.example/orders"), known, "gatehouse-api"));
    assertNull(ResourceIndicators.known(List.of(), known, "gatehouse-api"));
    assertEquals(
        "https://api.example/",
        ResourceIndicators.known(
            List.of("https://api.example/"), Set.of(), "https://api.example/"));
  }

  /** RFC 8707 §2: a resource the provider does not know is invalid_target, however well formed. */
  @Test
  void knownWhenUnlistedOrMalformedThenInvalidTarget() {
    Set<String> known = Set.of("https://api.example/orders");

    assertInvalidTarget(
        () ->
            ResourceIndicators.known(
                List.of("https://api.example/orders/"), known, "gatehouse-api"));
    assertInvalidTarget(
        () ->
            ResourceIndicators.known(List.of("https://evil.example/"), Set.of(), "gatehouse-api"));
    assertInvalidTarget(
        () -> ResourceIndicators.known(List.of("gatehouse-api"), known, "gatehouse-api"));
    assertInvalidTarget(
        () ->
            ResourceIndicators.known(
                List.of("https://api.example/orders#f"),
                Set.of("https://api.example/orders#f"),
                "x"));
  }

  private static void assertInvalidTarget(Executable call) {
    assertEquals(OAuthError.INVALID_TARGET, assertThrows(OAuthException.class, call).error());
  }
}
