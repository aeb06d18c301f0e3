package dev.gatehouse.token;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the token endpoint did since this instance started: tokens issued per grant type, and grants
 * revoked because a code or rotated refresh token came back (a replay: a leaked credential, or a
 * client bug). Published as metrics by {@code dev.gatehouse.health.LifecycleMetrics}.
 */
@ApplicationScoped
public class TokenCounts {

  @Inject @Any Instance<GrantHandler> handlers;

  /** Per grant type the token endpoint serves (its handlers): a fixed set, no client-made name. */
  private Map<String, LongAdder> issued = Map.of();

  private final LongAdder replayRevocations = new LongAdder();

  @PostConstruct
  void index() {
    countFor(handlers.stream().map(GrantHandler::grantType).toList());
  }

  /** Counts these grant types (the handlers' own, or a test's). */
  void countFor(List<String> grantTypes) {
    issued =
        grantTypes.stream()
            .collect(Collectors.toUnmodifiableMap(Function.identity(), type -> new LongAdder()));
  }

  /** The grant types counted, in order. */
  public List<String> grantTypes() {
    return issued.keySet().stream().sorted().toList();
  }

  /** A token response was issued for this grant type (any other name is not counted). */
  void issued(String grantType) {
    LongAdder count = grantType == null ? null : issued.get(grantType);
    if (count != null) {
      count.increment();
    }
  }

  /** A replay revoked a grant (counted once per grant, not per replay of a burst). */
  void replayRevokedGrant() {
    replayRevocations.increment();
  }

  public long issuedFor(String grantType) {
    LongAdder count = issued.get(grantType);
    return count == null ? 0 : count.sum();
  }

  public long replayRevocations() {
    return replayRevocations.sum();
  }
}
