package dev.gatehouse.discovery;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The provider's home page: its issuer and the endpoints it serves, for a human who opens the
 * issuer URL in a browser.
 *
 * @see <a href="https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfig">OpenID
 *     Connect Discovery 1.0 §4</a>
 */
@Controller
@RequestScoped
@Path("/")
public class HomeController {

  @Inject Models models;
  @Inject DiscoveryDocument document;

  @GET
  @Produces(MediaType.TEXT_HTML)
  public String home() {
    models.put("metadata", document.metadata());
    return "discovery/home.jsp";
  }
}
