package dev.gatehouse.testing;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.time.Duration;

/**
 * Test-only endpoint, deployed by the container tests alone: sets or clears the override of {@link
 * AdjustableTokenSettings}.
 */
@RequestScoped
@Path("/test-only/settings/refresh-token-reuse-grace")
public class SettingsProbe {

  /** The grace window from now on, as an ISO-8601 duration. */
  @PUT
  public void set(String grace) {
    AdjustableTokenSettings.grace(Duration.parse(grace.trim()));
  }

  /** Back to the configured grace window. */
  @DELETE
  public void clear() {
    AdjustableTokenSettings.grace(null);
  }
}
