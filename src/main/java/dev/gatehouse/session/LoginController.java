package dev.gatehouse.session;

import dev.gatehouse.accounts.Account;
import dev.gatehouse.accounts.PasswordLogin;
import dev.gatehouse.authorization.AuthorizationService;
import dev.gatehouse.clients.Client;
import dev.gatehouse.clients.ClientRepository;
import dev.gatehouse.config.ProviderSettings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.krazo.engine.Viewable;

/**
 * The login page: username and password (CSRF-protected), one message for any failure (never which
 * field was wrong), and on success a new SSO session cookie and a 303 back to the authorization
 * request (RFC 9700 §4.12: never 307 after a credential POST).
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#Authenticates">OpenID Connect
 *     Core §3.1.2.3</a>
 */
@Controller
@RequestScoped
@Path("/login")
public class LoginController {

  static final String FAILED = "Sign-in failed. Check your username and password and try again.";

  @Inject PasswordLogin passwords;
  @Inject SessionService sessions;
  @Inject SessionCookie cookie;
  @Inject ProviderSettings provider;
  @Inject Models models;
  @Inject AuthorizationService authorizations;
  @Inject ClientRepository clients;

  @GET
  @Produces(MediaType.TEXT_HTML)
  public String form(@QueryParam("request") String request) {
    models.put("requestId", request == null ? "" : request);
    loginView(request)
        .ifPresent(
            view -> {
              models.put("clientName", view.clientName());
              models.put("username", view.loginHint() == null ? "" : view.loginHint());
            });
    return "session/login.jsp";
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response login(
      @FormParam("username") String username,
      @FormParam("password") String password,
      @FormParam("request") String request) {
    Optional<Account> account = passwords.authenticate(username, password);
    if (account.isEmpty()) {
      models.put("requestId", request == null ? "" : request);
      models.put("username", username == null ? "" : username);
      models.put("error", FAILED);
      loginView(request).ifPresent(view -> models.put("clientName", view.clientName()));
      return Response.ok(new Viewable("session/login.jsp")).build();
    }
    SessionService.Started started = sessions.start(account.get().subject());
    String next =
        request == null || request.isEmpty()
            ? "/"
            : "/authorize/continue?request=" + URLEncoder.encode(request, StandardCharsets.UTF_8);
    return Response.seeOther(URI.create(provider.endpoint(next)))
        .header("Set-Cookie", cookie.set(started.cookieValue()))
        .header("Cache-Control", "no-store")
        .build();
  }

  private Optional<AuthorizationService.LoginView> loginView(String request) {
    return authorizations.loginView(
        request, id -> clients.find(id).map(Client::metadata).orElse(null));
  }
}
