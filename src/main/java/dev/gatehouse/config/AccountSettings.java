package dev.gatehouse.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** End-user accounts: the demo user, password hashing cost, lockout. */
@ApplicationScoped
public class AccountSettings {

  @Inject
  @ConfigProperty(name = "oidc.accounts.demo-user.username")
  String demoUsername;

  @Inject
  @ConfigProperty(name = "oidc.accounts.demo-user.password")
  String demoPassword;

  @Inject
  @ConfigProperty(name = "oidc.accounts.password-iterations")
  int passwordIterations;

  @Inject
  @ConfigProperty(name = "oidc.accounts.max-failed-logins")
  int maxFailedLogins;

  @Inject
  @ConfigProperty(name = "oidc.accounts.lockout-duration")
  Duration lockoutDuration;

  public String demoUsername() {
    return demoUsername;
  }

  public String demoPassword() {
    return demoPassword;
  }

  public int passwordIterations() {
    return Math.max(passwordIterations, 10_000);
  }

  public int maxFailedLogins() {
    return maxFailedLogins;
  }

  public Duration lockoutDuration() {
    return lockoutDuration;
  }
}
