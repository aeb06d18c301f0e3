package dev.gatehouse.health;

import dev.gatehouse.keys.KeyRing;
import dev.gatehouse.keys.KeySet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while an active signing key with its private part is loaded. */
@Readiness
@ApplicationScoped
public class SigningKeyReadinessCheck implements HealthCheck {

  @Inject KeyRing keyRing;

  @Override
  public HealthCheckResponse call() {
    KeySet keys = keyRing.current();
    return HealthCheckResponse.named("signing-keys")
        .status(keys.canSign())
        .withData("active_kid", keys.canSign() ? keys.signer().getKeyId() : "none")
        .withData("published", keys.publishedKids().size())
        .build();
  }
}
