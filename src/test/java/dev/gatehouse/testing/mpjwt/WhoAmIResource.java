package dev.gatehouse.testing.mpjwt;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * A resource guarded by {@code @RolesAllowed}, answering the caller name MicroProfile JWT found.
 */
@RequestScoped
@Path("whoami")
public class WhoAmIResource {

  @Context SecurityContext security;

  @GET
  @RolesAllowed("staff")
  @Produces(MediaType.TEXT_PLAIN)
  public String whoami() {
    return security.getUserPrincipal().getName() + " staff=" + security.isUserInRole("staff");
  }
}
