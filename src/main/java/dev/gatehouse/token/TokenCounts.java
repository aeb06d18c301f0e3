package dev.gatehouse.token;

import jakarta.enterprise.context.ApplicationScoped;
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

  /** The grant types counted: those the token endpoint serves, a fixed set. */
  public static final List<String> GRANT_TYPES =
      List.of("authorization_code", "refresh_token", "client_credentials");

  private final Map<String, LongAdder> issued =
      GRANT_TYPES.stream().collect(Collectors.toMap(Function.identity(), type -> new LongAdder()));
  private final LongAdder replayRevocations = new LongAdder();

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
