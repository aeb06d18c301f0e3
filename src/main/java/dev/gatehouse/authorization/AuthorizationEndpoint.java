package dev.gatehouse.authorization;

import dev.gatehouse.config.ProviderSettings;
import dev.gatehouse.protocol.FormBody;
import dev.gatehouse.protocol.Paths;
import dev.gatehouse.session.SessionCookie;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/**
 * The authorization endpoint, by GET or by form POST, and its continuation after sign-in. Every
 * answer is a 303 redirect or an HTML error page; never CORS.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthorizationEndpoint">OpenID
 *     Connect Core §3.1.2</a>
 */
@RequestScoped
@Path(Paths.AUTHORIZATION)
public class AuthorizationEndpoint {

  @Inject AuthorizationService service;
  @Inject ProviderSettings provider;
  @Context UriInfo uri;

  @GET
  public Response authorizeByGet(@CookieParam(SessionCookie.NAME) String session) {
    return seeOther(service.authorize(FormBody.withValues(uri.getQueryParameters()), session));
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response authorizeByPost(@CookieParam(SessionCookie.NAME) String session, byte[] body) {
    return seeOther(service.authorize(FormBody.parse(body), session));
  }

  @GET
  @Path("continue")
  public Response resume(
      @QueryParam("request") String request, @CookieParam(SessionCookie.NAME) String session) {
    return seeOther(service.resume(request, session));
  }

  private Response seeOther(URI location) {
    URI absolute =
        location.isAbsolute() ? location : URI.create(provider.endpoint(location.toString()));
    return Response.seeOther(absolute).header("Cache-Control", "no-store").build();
  }
}
