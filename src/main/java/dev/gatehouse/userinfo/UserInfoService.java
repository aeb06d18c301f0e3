package dev.gatehouse.userinfo;

import static dev.gatehouse.protocol.JsonSupport.JSON;

import dev.gatehouse.accounts.Account;
import dev.gatehouse.accounts.AccountService;
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

  public JsonObject userInfo(String accessToken) {
    JwtClaims token =
        tokens
            .verify(accessToken)
            .orElseThrow(
                () ->
                    BearerChallengeException.invalidToken(
                        "The access token is not valid or was revoked"));
    try {
      List<String> scopes = Arrays.asList(token.getStringClaimValue("scope").split(" "));
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
