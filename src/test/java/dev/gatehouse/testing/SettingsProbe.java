package dev.gatehouse.testing;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Duration;

/**
 * Test-only endpoint, deployed by the container tests alone: sets or clears an override of {@link
 * AdjustableTokenSettings}.
 */
@RequestScoped
@Path("/test-only/settings/{name}")
public class SettingsProbe {

  /** The setting's value from now on, as an ISO-8601 duration. */
  @PUT
  public void set(@PathParam("name") String name, String value) {
    if (!AdjustableTokenSettings.override(name, Duration.parse(value.trim()))) {
      throw new NotFoundException();
    }
  }

  /** Back to the configured value. */
  @DELETE
  public void clear(@PathParam("name") String name) {
    if (!AdjustableTokenSettings.override(name, null)) {
      throw new NotFoundException();
    }
  }
}
