package dev.gatehouse.clients;

import dev.gatehouse.protocol.CrossOrigin;
import dev.gatehouse.protocol.OAuthException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses a browser's call to the token or revocation endpoint, before anything is issued or
 * revoked, unless it comes from an origin of one of its client's redirect URIs and the client is
 * public. A confidential client keeps its secret on a server, which sends no {@code Origin}; a page
 * that could present that secret is not one the provider should answer.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9700#section-2.6">RFC 9700 §2.6</a>
 */
@Provider
@ClientAuthenticated
@Priority(Priorities.AUTHENTICATION + 1)
public class ClientOriginFilter implements ContainerRequestFilter {

  @Inject CurrentClient current;

  @Override
  public void filter(ContainerRequestContext request) {
    String origin = request.getHeaderString(CrossOrigin.ORIGIN);
    if (origin == null || !CrossOrigin.appliesTo(request.getUriInfo())) {
      return;
    }
    ClientMetadata client = current.get().metadata();
    if (!client.isPublic() || !client.hasRedirectOrigin(origin)) {
      throw OAuthException.invalidRequest(
          "This client may not be called from a browser at this origin");
    }
  }
}
