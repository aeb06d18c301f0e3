package dev.gatehouse.userinfo;

import static dev.gatehouse.protocol.JsonSupport.JSON;

import dev.gatehouse.accounts.Account;
import dev.gatehouse.accounts.AccountService;
import dev.gatehouse.clients.ClientRepository;
import dev.gatehouse.protocol.BearerChallengeException;
import dev.gatehouse.token.AccessTokenVerifier;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

/**
 * The claims about the token's user that its scopes release; {@code sub} always, and the same
 * {@code sub} as the ID token.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#UserInfoResponse">OpenID
 *     Connect Core §5.3.2</a>
 */
@Stateless
public class UserInfoService {

  @Inject AccessTokenVerifier tokens;
  @Inject AccountService accounts;
  @Inject ClaimsService claims;
  @Inject ClientRepository clients;

  /**
   * The claims for a token; {@code origin} is the browser's {@code Origin} header or null, and must
   * then be the origin of one of the token's client's redirect URIs.
   */
  public JsonObject userInfo(String accessToken, String origin) {
    JwtClaims token =
        tokens
            .verify(accessToken)
            .orElseThrow(
                () ->
                    BearerChallengeException.invalidToken(
                        "The access token is not valid or was revoked"));
    try {
      if (origin != null && !fromClientOrigin(token, origin)) {
        throw BearerChallengeException.invalidRequest(
            "The token's client may not be called from a browser at this origin");
      }
      String scope = token.getStringClaimValue("scope");
      // A client_credentials token may carry no scope at all: no openid, like any other.
      List<String> scopes = scope == null ? List.of() : Arrays.asList(scope.split(" "));
      if (!scopes.contains("openid")) {
        throw BearerChallengeException.insufficientScope("openid");
      }
      Account account =
          accounts
              .find(token.getSubject())
              .orElseThrow(
                  () -> BearerChallengeException.invalidToken("The user no longer exists"));
      JsonObjectBuilder json = JSON.createObjectBuilder().add("sub", account.subject());
      for (Map.Entry<String, Object> claim : claims.claims(account, scopes).entrySet()) {
        json.add(claim.getKey(), toJson(claim.getValue()));
      }
      return json.build();
    } catch (MalformedClaimException e) {
      throw BearerChallengeException.invalidToken("The access token has malformed claims");
    }
  }

  private boolean fromClientOrigin(JwtClaims token, String origin) throws MalformedClaimException {
    return clients
        .find(token.getStringClaimValue("client_id"))
        .map(client -> client.metadata().hasRedirectOrigin(origin))
        .orElse(false);
  }

  @SuppressWarnings("unchecked")
  private static jakarta.json.JsonValue toJson(Object value) {
    if (value instanceof String s) {
      return JSON.createValue(s);
    }
    if (value instanceof Boolean b) {
      return b ? jakarta.json.JsonValue.TRUE : jakarta.json.JsonValue.FALSE;
    }
    if (value instanceof Number n) {
      return JSON.createValue(n.longValue());
    }
    if (value instanceof Map<?, ?> map) {
      JsonObjectBuilder object = JSON.createObjectBuilder();
      ((Map<String, Object>) map).forEach((k, v) -> object.add(k, toJson(v)));
      return object.build();
    }
    return JSON.createValue(String.valueOf(value));
  }
}
