package dev.gatehouse.token;

import dev.gatehouse.protocol.OAuthError;
import dev.gatehouse.protocol.OAuthException;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The transaction boundary of the token endpoint: dispatches on grant_type to its handler.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-3.2">RFC 6749 §3.2</a>
 */
@Stateless
public class TokenService {

  @Inject @Any Instance<GrantHandler> handlers;

  private Map<String, GrantHandler> byGrantType;

  @PostConstruct
  void index() {
    byGrantType =
        handlers.stream().collect(Collectors.toMap(GrantHandler::grantType, Function.identity()));
  }

  public TokenResponse token(TokenRequest request) {
    String grantType = request.param("grant_type");
    if (grantType == null || grantType.isEmpty()) {
      throw OAuthException.invalidRequest("grant_type is required");
    }
    GrantHandler handler = byGrantType.get(grantType);
    if (handler == null) {
      throw new OAuthException(
          OAuthError.UNSUPPORTED_GRANT_TYPE, "Unsupported grant_type " + grantType);
    }
    if (!request.client().metadata().allowsGrant(grantType)) {
      throw new OAuthException(
          OAuthError.UNAUTHORIZED_CLIENT, "The client is not registered for " + grantType);
    }
    return handler.handle(request);
  }
}
