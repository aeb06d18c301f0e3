package dev.gatehouse.health;

import dev.gatehouse.persistence.ExpiredRowPurger;
import dev.gatehouse.token.TokenCounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The token lifecycle as MicroProfile Metrics in the application scope ({@code /metrics?scope=
 * application}): running totals since this instance started, each read from its source when
 * scraped.
 *
 * <ul>
 *   <li>{@code gatehouse_tokens_issued{grant_type}}: token responses per grant type;
 *   <li>{@code gatehouse_grants_revoked_for_replay}: grants revoked because a code or a rotated
 *       refresh token came back (RFC 6749 §4.1.2, RFC 9700 §4.14.2): worth an alert;
 *   <li>{@code gatehouse_purge_runs} and {@code gatehouse_purge_deleted_rows{table}}: whether the
 *       purge keeps the tables small.
 * </ul>
 */
@ApplicationScoped
public class LifecycleMetrics {

  @Inject MetricRegistry registry;
  @Inject TokenCounts tokens;
  @Inject ExpiredRowPurger purger;

  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    for (String grantType : tokens.grantTypes()) {
      registry.gauge(
          total("gatehouse.tokens.issued", "Token responses issued, per grant type"),
          tokens,
          counts -> counts.issuedFor(grantType),
          new Tag("grant_type", grantType));
    }
    registry.gauge(
        total(
            "gatehouse.grants.revoked.for.replay",
            "Grants revoked because one of their codes or rotated refresh tokens came back"),
        tokens,
        TokenCounts::replayRevocations);
    registry.gauge(
        total("gatehouse.purge.runs", "Purge runs finished"),
        purger,
        ExpiredRowPurger::completedRuns);
    for (String table : ExpiredRowPurger.tables()) {
      registry.gauge(
          total("gatehouse.purge.deleted.rows", "Rows the purge deleted, per table"),
          purger,
          p -> p.deletedFrom(table),
          new Tag("table", table));
    }
  }

  private static Metadata total(String name, String description) {
    return Metadata.builder()
        .withName(name)
        .withDescription(description + ", since this instance started")
        .build();
  }
}
