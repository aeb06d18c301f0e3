package dev.gatehouse.userinfo;

import dev.gatehouse.accounts.Account;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The claims a set of scopes releases about a user.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#ScopeClaims">OpenID Connect
 *     Core §5.4</a>
 */
@ApplicationScoped
public class ClaimsService {

  static final Map<String, List<String>> BY_SCOPE =
      Map.of(
          "profile",
              List.of(
                  "name",
                  "family_name",
                  "given_name",
                  "middle_name",
                  "nickname",
                  "preferred_username",
                  "profile",
                  "picture",
                  "website",
                  "gender",
                  "birthdate",
                  "zoneinfo",
                  "locale",
                  "updated_at"),
          "email", List.of("email", "email_verified"),
          "address", List.of("address"),
          "phone", List.of("phone_number", "phone_number_verified"));

  /** Every claim this provider can release, for discovery's claims_supported. */
  public static List<String> supported() {
    return BY_SCOPE.values().stream().flatMap(List::stream).toList();
  }

  /** The released claims as plain Java values (String, Boolean, Long, Map), sub not included. */
  public Map<String, Object> claims(Account account, Collection<String> scopes) {
    JsonObject stored = account.claims();
    Map<String, Object> claims = new LinkedHashMap<>();
    for (String scope : scopes) {
      for (String name : BY_SCOPE.getOrDefault(scope, List.of())) {
        if (name.equals("preferred_username")) {
          claims.put(name, stored.getString(name, account.username()));
        } else if (name.equals("updated_at")) {
          claims.put(name, account.updatedAt().getEpochSecond());
        } else if (stored.containsKey(name)) {
          claims.put(name, plain(stored.get(name)));
        }
      }
    }
    return claims;
  }

  private static Object plain(JsonValue value) {
    return switch (value.getValueType()) {
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> ((JsonNumber) value).longValue();
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        value.asJsonObject().forEach((k, v) -> map.put(k, plain(v)));
        yield map;
      }
      default -> value.toString();
    };
  }
}
