package dev.gatehouse.resourceserver;

import dev.gatehouse.protocol.BearerChallengeException;
import dev.gatehouse.protocol.BearerTokens;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;

/**
 * Admits a request to a {@link BearerToken} resource only with a valid access token in the
 * Authorization header (RFC 6750 §2.1; tokens in the query or body are refused), carrying every
 * scope of the resource's {@link RequiresScope}. The resource sees the caller as the {@link
 * SecurityContext}'s {@link TokenPrincipal}; {@code isUserInRole} checks the token's groups.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6750#section-3">RFC 6750 §3</a>
 */
@Provider
@BearerToken
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {

  @Inject TokenVerifier verifier;
  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getUriInfo().getQueryParameters().containsKey("access_token")) {
      throw BearerChallengeException.invalidRequest(
          "Send the access token in the Authorization header");
    }
    String token =
        BearerTokens.accessToken(request.getHeaderString(HttpHeaders.AUTHORIZATION))
            .orElseThrow(BearerChallengeException::missingToken);
    TokenPrincipal principal = verifier.verify(token);
    List<String> required = requiredScopes();
    if (!principal.scopes().containsAll(required)) {
      throw BearerChallengeException.insufficientScope(String.join(" ", required));
    }
    boolean secure = request.getSecurityContext().isSecure();
    request.setSecurityContext(new TokenSecurityContext(principal, secure));
  }

  private List<String> requiredScopes() {
    RequiresScope scope = resource.getResourceMethod().getAnnotation(RequiresScope.class);
    if (scope == null) {
      scope = resource.getResourceClass().getAnnotation(RequiresScope.class);
    }
    return scope == null ? List.of() : Arrays.asList(scope.value());
  }

  private record TokenSecurityContext(TokenPrincipal principal, boolean secure)
      implements SecurityContext {

    @Override
    public Principal getUserPrincipal() {
      return principal;
    }

    @Override
    public boolean isUserInRole(String role) {
      return principal.groups().contains(role);
    }

    @Override
    public boolean isSecure() {
      return secure;
    }

    @Override
    public String getAuthenticationScheme() {
      return "Bearer";
    }
  }
}
