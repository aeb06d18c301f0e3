package dev.gatehouse.testing;

import dev.gatehouse.protocol.OAuthException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test-only resource, deployed by the container tests alone, that throws on purpose. */
@RequestScoped
@Path("/test-only")
public class FailingResource {

  static final String SECRET_DETAIL = "db password is hunter2";

  @GET
  @Path("unexpected")
  public String unexpected() {
    throw new IllegalStateException(SECRET_DETAIL);
  }

  @GET
  @Path("oauth-error")
  public String oauthError() {
    throw OAuthException.invalidGrant("the code has expired\r\nX-Injected: yes");
  }

  @GET
  @Path("invalid-client")
  public String invalidClient() {
    throw OAuthException.invalidClient("client authentication failed");
  }
}
