package dev.gatehouse.authorization;

import static dev.gatehouse.protocol.JsonSupport.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.List;
import java.util.Set;

/**
 * A validated authorization request (OpenID Connect Core §3.1.2.1): everything needed to continue
 * it after login and consent, and to bind the code to it. {@code askEveryTime}: a remembered
 * consent does not skip the consent page, because the client's identity cannot be assured (a public
 * client redirecting to a custom scheme or loopback address, which any app on the device may claim:
 * RFC 8252 §8.6, as node-oidc-provider does for native clients) or because a native client asks for
 * offline access (OpenID Connect Core §11).
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest">OpenID Connect
 *     Core §3.1.2.1</a>
 */
public record AuthorizationRequest(
    String clientId,
    String redirectUri,
    List<String> scopes,
    String state,
    String nonce,
    String codeChallenge,
    Set<String> prompt,
    Integer maxAge,
    String loginHint,
    String hintSubject,
    boolean askEveryTime) {

  public AuthorizationRequest {
    scopes = List.copyOf(scopes);
    prompt = Set.copyOf(prompt);
  }

  public String scope() {
    return String.join(" ", scopes);
  }

  /**
   * The same request once the user has signed in: prompt=login or select_account, max_age and the
   * id_token_hint's user are satisfied (who signs in is then the user's choice; the client sees the
   * sub).
   */
  AuthorizationRequest afterLogin() {
    Set<String> remaining = new java.util.HashSet<>(prompt);
    remaining.remove("login");
    remaining.remove("select_account");
    return new AuthorizationRequest(
        clientId,
        redirectUri,
        scopes,
        state,
        nonce,
        codeChallenge,
        remaining,
        null,
        loginHint,
        null,
        askEveryTime);
  }

  String toJson() {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("client_id", clientId)
            .add("redirect_uri", redirectUri)
            .add("scopes", JSON.createArrayBuilder(scopes))
            .add("prompt", JSON.createArrayBuilder(List.copyOf(prompt)));
    add(json, "state", state);
    add(json, "nonce", nonce);
    add(json, "code_challenge", codeChallenge);
    add(json, "login_hint", loginHint);
    add(json, "hint_sub", hintSubject);
    if (askEveryTime) {
      json.add("ask_every_time", true);
    }
    if (maxAge != null) {
      json.add("max_age", maxAge);
    }
    return json.build().toString();
  }

  static AuthorizationRequest fromJson(String text) {
    try (JsonReader reader = JSON.createReader(new StringReader(text))) {
      JsonObject json = reader.readObject();
      return new AuthorizationRequest(
          json.getString("client_id"),
          json.getString("redirect_uri"),
          strings(json, "scopes"),
          json.getString("state", null),
          json.getString("nonce", null),
          json.getString("code_challenge", null),
          Set.copyOf(strings(json, "prompt")),
          json.containsKey("max_age") ? json.getInt("max_age") : null,
          json.getString("login_hint", null),
          json.getString("hint_sub", null),
          json.getBoolean("ask_every_time", false));
    }
  }

  private static List<String> strings(JsonObject json, String name) {
    return json.getJsonArray(name).getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  private static void add(JsonObjectBuilder json, String name, String value) {
    if (value != null) {
      json.add(name, value);
    }
  }
}
