package dev.gatehouse.authorization;

import dev.gatehouse.clients.ClientRepository;
import dev.gatehouse.config.ProviderSettings;
import dev.gatehouse.session.SessionCookie;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The consent page: the client's name and the requested scopes in plain words, with approve and
 * deny (CSRF-protected; 303 after the POST).
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#Consent">OpenID Connect Core
 *     §3.1.2.4</a>
 */
@Controller
@RequestScoped
@Path(AuthorizationService.CONSENT_PATH)
public class ConsentController {

  static final Map<String, String> DESCRIPTIONS =
      Map.of(
          "openid", "Sign you in with your account",
          "profile", "See your name and basic profile",
          "email", "See your email address",
          "address", "See your postal address",
          "phone", "See your phone number",
          "offline_access", "Keep access while you are not using the application");

  @Inject AuthorizationService service;
  @Inject ClientRepository clients;
  @Inject ProviderSettings provider;
  @Inject Models models;

  @GET
  @Produces(MediaType.TEXT_HTML)
  public String show(
      @QueryParam("request") String request, @CookieParam(SessionCookie.NAME) String session) {
    AuthorizationService.ConsentView view =
        service.consentView(
            request,
            session,
            id ->
                clients
                    .find(id)
                    // Deleted while the user was signing in.
                    .orElseThrow(
                        () -> new AuthorizationPageException("The client is not registered."))
                    .metadata());
    models.put("requestId", view.requestId());
    models.put("clientName", view.clientName());
    models.put("clientUri", view.clientUri());
    models.put("policyUri", view.policyUri());
    models.put("tosUri", view.tosUri());
    List<String> scopes =
        view.scopes().stream()
            .map(s -> DESCRIPTIONS.getOrDefault(s, "Use the permission \"" + s + "\""))
            .toList();
    models.put("scopes", scopes);
    return "authorization/consent.jsp";
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response decide(
      @FormParam("request") String request,
      @FormParam("decision") String decision,
      @CookieParam(SessionCookie.NAME) String session) {
    URI location = service.decideConsent(request, session, "approve".equals(decision));
    return Response.seeOther(location).header("Cache-Control", "no-store").build();
  }
}
