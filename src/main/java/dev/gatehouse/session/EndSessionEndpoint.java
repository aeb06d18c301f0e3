package dev.gatehouse.session;

import dev.gatehouse.protocol.FormBody;
import dev.gatehouse.protocol.Paths;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Models;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.krazo.engine.Viewable;

/**
 * The end_session_endpoint (GET or form POST). With a valid id_token_hint for the signed-in user
 * the session ends at once; otherwise the user is asked to confirm (a CSRF-protected form).
 *
 * @see <a href="https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout">RP-Initiated
 *     Logout 1.0 §2</a>
 */
@RequestScoped
@Path(Paths.END_SESSION)
public class EndSessionEndpoint {

  @Inject LogoutService service;
  @Inject SessionCookie cookie;
  @Inject Models models;
  @Context UriInfo uri;

  @GET
  public Response byGet(@CookieParam(SessionCookie.NAME) String session) {
    return logout(FormBody.withValues(uri.getQueryParameters()), session);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response byPost(@CookieParam(SessionCookie.NAME) String session, byte[] body) {
    return logout(FormBody.parse(body), session);
  }

  private Response logout(MultivaluedMap<String, String> params, String session) {
    LogoutRequest request = service.validate(params);
    if (!request.confirmed() || service.sessionOfAnotherUser(request, session)) {
      models.put("clientId", request.clientId() == null ? "" : request.clientId());
      models.put(
          "postLogoutRedirectUri",
          request.postLogoutRedirectUri() == null ? "" : request.postLogoutRedirectUri());
      models.put("state", request.state() == null ? "" : request.state());
      return Response.ok(new Viewable("session/logout.jsp")).type(MediaType.TEXT_HTML_TYPE).build();
    }
    return LogoutController.signedOut(service.logout(request, session), cookie);
  }
}
