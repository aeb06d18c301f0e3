package dev.gatehouse.token;

import dev.gatehouse.clients.AuthenticatedClient;
import dev.gatehouse.clients.ClientMetadata;
import dev.gatehouse.config.TokenSettings;
import dev.gatehouse.protocol.OAuthError;
import dev.gatehouse.protocol.OAuthException;
import dev.gatehouse.protocol.RandomTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The client_credentials grant for confidential clients: scopes limited to those the client
 * registered (never the user scopes such as openid), an optional RFC 8707 {@code resource} (one the
 * operator listed) as the access token's audience; no refresh token, no ID token. The access
 * token's {@code sub} is the client_id (RFC 9068 §2.2).
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-4.4">RFC 6749 §4.4</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc8707#section-2">RFC 8707 §2</a>
 */
@ApplicationScoped
public class ClientCredentialsGrant implements GrantHandler {

  @Inject GrantRepository grants;
  @Inject TokenIssuer issuer;
  @Inject TokenSettings settings;

  Clock clock = Clock.systemUTC();

  @Override
  public String grantType() {
    return "client_credentials";
  }

  @Override
  public TokenResponse handle(TokenRequest request) {
    AuthenticatedClient client = request.client();
    if (client.metadata().isPublic()) {
      // Registration refuses such a client; should one exist, it authenticated, so RFC 6749 §5.2
      // calls it unauthorized for the grant, not an invalid client.
      throw new OAuthException(
          OAuthError.UNAUTHORIZED_CLIENT, "Public clients cannot use client_credentials");
    }
    String scope = scope(request.param("scope"), client.metadata().scope());
    List<String> own = client.metadata().resources();
    String resource =
        ResourceIndicators.known(
            request.params("resource"),
            own.isEmpty() ? settings.resources() : Set.copyOf(own),
            settings.defaultAudience());
    Instant now = clock.instant();
    Grant grant =
        new Grant(
                RandomTokens.base64url(18),
                client.clientId(),
                client.clientId(),
                scope,
                now,
                null,
                now)
            .withAudience(resource);
    grants.persist(grant);
    return issuer.issue(new Issuance(grant, null, client.metadata(), scope, null, null, null), now);
  }

  /**
   * The requested scope, or by default all the client registered, without the user scopes (openid,
   * profile, offline_access, ...): there is no user here, no ID token, no UserInfo, no refresh.
   */
  static String scope(String requested, String registered) {
    List<String> allowed = ClientMetadata.apiScopes(registered);
    if (requested == null) {
      return String.join(" ", allowed);
    }
    List<String> scopes = TokenIssuer.requested(requested);
    for (String scope : scopes) {
      if (ClientMetadata.USER_SCOPES.contains(scope)) {
        throw OAuthException.invalidScope(
            "Scope " + scope + " is about a user; client_credentials has none");
      }
    }
    if (!allowed.containsAll(scopes)) {
      throw OAuthException.invalidScope("The client is not allowed the requested scope");
    }
    return String.join(" ", scopes);
  }
}
