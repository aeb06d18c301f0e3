package dev.gatehouse.session;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.krazo.engine.Viewable;

/**
 * The user's confirmation of a logout that came without a valid id_token_hint (CSRF-protected; 303
 * after the POST).
 *
 * @see <a href="https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout">RP-Initiated
 *     Logout 1.0 §2</a>
 */
@Controller
@RequestScoped
@Path("/logout/confirm")
public class LogoutController {

  @Inject LogoutService service;
  @Inject SessionCookie cookie;

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response confirm(
      @FormParam("client_id") String clientId,
      @FormParam("post_logout_redirect_uri") String redirect,
      @FormParam("state") String state,
      @CookieParam(SessionCookie.NAME) String session) {
    MultivaluedHashMap<String, String> params = new MultivaluedHashMap<>();
    put(params, "client_id", clientId);
    put(params, "post_logout_redirect_uri", redirect);
    put(params, "state", state);
    return signedOut(service.logout(service.validate(params), session), cookie);
  }

  /** Clears the cookie; then a 303 to the client, or our "signed out" page. */
  static Response signedOut(URI redirect, SessionCookie cookie) {
    Response.ResponseBuilder response =
        redirect == null
            ? Response.ok(new Viewable("session/logged-out.jsp")).type(MediaType.TEXT_HTML_TYPE)
            : Response.seeOther(redirect);
    return response
        .header("Set-Cookie", cookie.clear())
        .header("Cache-Control", "no-store")
        .build();
  }

  private static void put(MultivaluedHashMap<String, String> params, String name, String value) {
    if (value != null && !value.isEmpty()) {
      params.putSingle(name, value);
    }
  }
}
