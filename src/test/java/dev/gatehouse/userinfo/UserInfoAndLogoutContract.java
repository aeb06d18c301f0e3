package dev.gatehouse.userinfo;

import static dev.gatehouse.testing.TestServer.issuer;
import static dev.gatehouse.testing.TestServer.json;
import static dev.gatehouse.testing.TestServer.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import dev.gatehouse.testing.AsClient;
import dev.gatehouse.testing.Browser;
import dev.gatehouse.testing.SignIn;
import dev.gatehouse.testing.TestAccounts;
import dev.gatehouse.testing.TestAccounts.TestAccount;
import dev.gatehouse.testing.TestClients;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** UserInfo (Core §5.3) and RP-Initiated Logout 1.0 over HTTP, after a real sign-in. */
public interface UserInfoAndLogoutContract {

  String CALLBACK = "https://app.example/callback";
  String LOGGED_OUT = "https://app.example/logged-out";

  /** A signed-in browser and the tokens its client obtained. */
  record SignedIn(TestAccount user, ClientID clientId, OIDCTokens tokens) {}

  @Test
  default void userInfoWhenGetOrPostWithHeaderOrBodyThenClaimsByScopeWithSameSub()
      throws Exception {
    try (Browser browser = new Browser()) {
      SignedIn in = signIn(browser, "openid email");
      String token = in.tokens().getAccessToken().getValue();

      UserInfoResponse nimbus =
          UserInfoResponse.parse(
              new UserInfoRequest(
                      URI.create(issuer() + "/userinfo"), in.tokens().getBearerAccessToken())
                  .toHTTPRequest()
                  .send());
      JsonObject postHeader =
          json(
              request("/userinfo")
                  .header("Authorization", "Bearer " + token)
                  .post(Entity.form(new Form())));
      JsonObject postBody =
          json(request("/userinfo").post(Entity.form(new Form("access_token", token))));

      assertTrue(nimbus.indicatesSuccess());
      var info = nimbus.toSuccessResponse().getUserInfo();
      assertEquals(in.user().subject(), info.getSubject().getValue());
      assertEquals(
          in.tokens().getIDToken().getJWTClaimsSet().getSubject(), info.getSubject().getValue());
      assertEquals(in.user().username() + "@example.com", info.getEmailAddress());
      assertTrue(info.getEmailVerified());
      assertNull(info.getName(), "profile scope not granted: no name");
      assertEquals(in.user().subject(), postHeader.getString("sub"));
      assertEquals(in.user().subject(), postBody.getString("sub"));
    }
  }

  @Test
  default void userInfoWhenNoTokenOrInvalidOrTwoMethodsThenRfc6750Errors() {
    Response none = request("/userinfo").get();
    Response garbage = request("/userinfo").header("Authorization", "Bearer nope").get();
    Response both =
        request("/userinfo")
            .header("Authorization", "Bearer a")
            .post(Entity.form(new Form("access_token", "b")));

    assertEquals(401, none.getStatus());
    assertEquals("Bearer realm=\"gatehouse\"", none.getHeaderString("WWW-Authenticate"));
    assertEquals(401, garbage.getStatus());
    assertTrue(garbage.getHeaderString("WWW-Authenticate").contains("error=\"invalid_token\""));
    assertEquals(400, both.getStatus());
    assertEquals("invalid_request", json(both).getString("error"));
  }

  /**
   * RFC 6750 §2.1, §3.1: the Bearer credentials are one b64token; a valid token twice in one
   * header, in two headers, or one with a quote after it is a malformed request, 400
   * invalid_request with the challenge, not a token to check (the same token alone: 200).
   */
  @Test
  default void userInfoWhenAuthorizationHeaderNotOneTokenThen400InvalidRequest() throws Exception {
    JsonObject client = TestClients.register(TestClients.confidential());
    String token =
        SignIn.tokens(client, TestAccounts.alice(), "openid").getAccessToken().getValue();

    assertEquals(
        200, request("/userinfo").header("Authorization", "Bearer " + token).get().getStatus());
    for (Response malformed :
        new Response[] {
          request("/userinfo").header("Authorization", "Bearer " + token + " " + token).get(),
          request("/userinfo")
              .header("Authorization", "Bearer " + token)
              .header("Authorization", "Bearer " + token)
              .get(),
          request("/userinfo").header("Authorization", "Bearer " + token + "\"x\"").get()
        }) {
      assertEquals(400, malformed.getStatus());
      assertTrue(
          malformed.getHeaderString("WWW-Authenticate").contains("error=\"invalid_request\""),
          malformed.getHeaderString("WWW-Authenticate"));
      assertEquals("invalid_request", json(malformed).getString("error"));
    }
  }

  /**
   * RFC 6750 §2: a token only in the query string (§2.3, not supported) or in a body that is not a
   * form (§2.2) is no token: 401 without an error code; a repeated body token is invalid_request.
   */
  @Test
  default void userInfoWhenTokenInQueryNonFormBodyOrRepeatedThenRfc6750Errors() {
    Response query = request("/userinfo?access_token=abc").get();
    Response jsonBody = request("/userinfo").post(Entity.json("{\"access_token\":\"abc\"}"));
    Response repeated =
        request("/userinfo")
            .post(Entity.form(new Form("access_token", "a").param("access_token", "b")));

    for (Response r : new Response[] {query, jsonBody}) {
      assertEquals(401, r.getStatus());
      assertEquals("Bearer realm=\"gatehouse\"", r.getHeaderString("WWW-Authenticate"));
    }
    assertEquals(400, repeated.getStatus());
    assertTrue(
        repeated.getHeaderString("WWW-Authenticate").contains("error=\"invalid_request\""),
        "RFC 6750 §3: " + repeated.getHeaderString("WWW-Authenticate"));
    assertEquals("invalid_request", json(repeated).getString("error"));
  }

  /**
   * RFC 6750 §3.1, Core §5.3.3: a valid access token without openid (a client_credentials token,
   * with a scope or with none at all) is insufficient_scope, 403 with a challenge; never a 500.
   */
  @Test
  default void userInfoWhenClientCredentialsTokenWithOrWithoutScopeThen403InsufficientScope() {
    JsonObject scopeless = TestClients.configure(TestClients.service("client_secret_basic"));
    JsonObject reader = TestClients.machine("read");

    for (JsonObject client : new JsonObject[] {scopeless, reader}) {
      String accessToken =
          json(AsClient.token(client, new Form("grant_type", "client_credentials")))
              .getString("access_token");

      Response answer = AsClient.userInfo(accessToken);

      assertEquals(403, answer.getStatus(), client.toString());
      assertEquals("insufficient_scope", json(answer).getString("error"));
      assertTrue(
          answer.getHeaderString("WWW-Authenticate").contains("error=\"insufficient_scope\""),
          answer.getHeaderString("WWW-Authenticate"));
    }
  }

  @Test
  default void userInfoWhenCodeReplayedThenFirstAccessTokenInactive() throws Exception {
    TestAccount user = TestAccounts.alice();
    JsonObject client = register();
    ClientID id = new ClientID(client.getString("client_id"));
    Secret secret = new Secret(client.getString("client_secret"));
    CodeVerifier verifier = new CodeVerifier();
    try (Browser browser = new Browser()) {
      AuthorizationCode code = authorize(browser, user, id, verifier, "openid");
      OIDCTokens first = redeem(id, secret, code, verifier, true);
      String bearer = "Bearer " + first.getAccessToken().getValue();
      assertEquals(200, request("/userinfo").header("Authorization", bearer).get().getStatus());

      redeem(id, secret, code, verifier, false);

      Response after = request("/userinfo").header("Authorization", bearer).get();
      assertEquals(
          401,
          after.getStatus(),
          "RFC 6749 §4.1.2: tokens issued from a replayed code are revoked");
    }
  }

  @Test
  default void logoutWhenIdTokenHintAndRegisteredRedirectThenSessionEndsAndStateEchoed()
      throws Exception {
    try (Browser browser = new Browser()) {
      SignedIn in = signIn(browser, "openid");
      State state = new State();
      URI logout =
          new LogoutRequest(
                  URI.create(issuer() + "/logout"),
                  in.tokens().getIDToken(),
                  URI.create(LOGGED_OUT),
                  state)
              .toURI();

      Browser.Step out = browser.open(logout.toString());

      assertEquals(303, out.status());
      assertEquals(LOGGED_OUT + "?state=" + state.getValue(), out.exit().toString());
      Browser.Step silent =
          browser.open(
              authorizationUri(in.clientId(), new CodeVerifier(), "openid", "none").toString());
      assertEquals(
          "login_required",
          AuthorizationResponse.parse(silent.exit()).toErrorResponse().getErrorObject().getCode());
    }
  }

  /**
   * A logout revokes what the ended session gave without offline_access (as Keycloak's tokens of an
   * ended session): its access token is inactive at once; an offline grant of the same session and
   * another browser's session of the same user live on.
   */
  @Test
  default void logoutWhenSessionEndsThenItsOnlineTokensRevokedAndOfflineOnesLive()
      throws Exception {
    JsonObject client = TestClients.register(TestClients.withRefresh());
    TestAccount alice = TestAccounts.alice();
    try (SignIn.Session session = SignIn.session(client, alice, "openid offline_access");
        SignIn.Session elsewhere =
            SignIn.session(TestClients.register(TestClients.withRefresh()), alice, "openid")) {
      JsonObject offline = session.tokens();
      JsonObject online = session.tokens("openid");
      JsonObject otherBrowser = elsewhere.tokens();
      String onlineAccess = online.getString("access_token");
      assertEquals(200, AsClient.userInfo(onlineAccess).getStatus(), "live before the logout");

      session.logOut(online.getString("id_token"));

      assertEquals(401, AsClient.userInfo(onlineAccess).getStatus());
      assertFalse(json(AsClient.introspect(client, onlineAccess)).getBoolean("active"));
      assertEquals(200, AsClient.userInfo(offline.getString("access_token")).getStatus());
      Response refreshed = AsClient.refresh(client, offline.getString("refresh_token"), null);
      assertEquals(200, refreshed.getStatus(), "offline_access outlives the session");
      refreshed.close();
      assertEquals(200, AsClient.userInfo(otherBrowser.getString("access_token")).getStatus());
    }
  }

  /**
   * A logout from a browser without the session's cookie (an app's ephemeral browser, the RP's back
   * end) ends the session the id_token_hint was issued in, as Keycloak does: the signed-in browser
   * must sign in again and the session's tokens are revoked; the user's other session lives on.
   */
  @Test
  default void logoutWhenHintButNoSessionCookieThenHintedSessionEndsAndItsTokensRevoked()
      throws Exception {
    JsonObject client = TestClients.register(TestClients.withRefresh());
    TestAccount alice = TestAccounts.alice();
    try (SignIn.Session session = SignIn.session(client, alice, "openid");
        SignIn.Session elsewhere =
            SignIn.session(TestClients.register(TestClients.withRefresh()), alice, "openid")) {
      JsonObject tokens = session.tokens();
      String access = tokens.getString("access_token");
      String hint = URLEncoder.encode(tokens.getString("id_token"), StandardCharsets.UTF_8);
      assertTrue(session.straightBack(), "signed in before the logout");

      Response out = request("/logout?id_token_hint=" + hint).get();
      Response again = request("/logout?id_token_hint=" + hint).get();

      assertEquals(200, out.getStatus());
      assertTrue(out.readEntity(String.class).contains("You are signed out"));
      assertFalse(session.straightBack(), "the hinted session has ended: sign in again");
      assertEquals(401, AsClient.userInfo(access).getStatus());
      assertFalse(json(AsClient.introspect(client, access)).getBoolean("active"));
      assertTrue(elsewhere.straightBack(), "the user's other session lives on");
      assertEquals(200, again.getStatus(), "an ended session: nothing more to do");
      again.close();
    }
  }

  /**
   * The hint names another session of the same user than the browser's: both end (the browser's,
   * and the one the client's ID token was issued in), with their tokens.
   */
  @Test
  default void logoutWhenHintOfAnotherSessionOfTheSameUserThenBothSessionsEnd() throws Exception {
    JsonObject client = TestClients.register(TestClients.withRefresh());
    TestAccount alice = TestAccounts.alice();
    try (SignIn.Session hinted = SignIn.session(client, alice, "openid");
        SignIn.Session browsing =
            SignIn.session(TestClients.register(TestClients.withRefresh()), alice, "openid")) {
      JsonObject tokens = hinted.tokens();
      String access = tokens.getString("access_token");

      browsing.logOut(tokens.getString("id_token"));

      assertFalse(browsing.straightBack(), "the browser's own session ended");
      assertFalse(hinted.straightBack(), "the session the hint was issued in ended");
      assertEquals(401, AsClient.userInfo(access).getStatus());
    }
  }

  @Test
  default void logoutWhenParametersSentWithoutValueThenAsIfOmitted() throws Exception {
    try (Browser browser = new Browser()) {
      SignedIn in = signIn(browser, "openid");
      String hint = in.tokens().getIDToken().serialize();

      Response confirm =
          request("/logout?id_token_hint=&post_logout_redirect_uri=&client_id=&state=").get();
      Browser.Step out =
          browser.open(
              issuer()
                  + "/logout?id_token_hint="
                  + hint
                  + "&post_logout_redirect_uri="
                  + LOGGED_OUT
                  + "&state=");

      assertEquals(200, confirm.getStatus(), "no hint, no redirect: the user is asked");
      confirm.close();
      assertEquals(303, out.status());
      assertEquals(LOGGED_OUT, out.exit().toString(), "no state to echo");
    }
  }

  @Test
  default void logoutWhenNoHintThenUserConfirmsOnCsrfProtectedPage() throws Exception {
    try (Browser browser = new Browser()) {
      SignedIn in = signIn(browser, "openid");

      Browser.Step ask = browser.open(issuer() + "/logout");
      assertEquals(200, ask.status());
      assertEquals("DENY", ask.page().getWebResponse().getResponseHeaderValue("X-Frame-Options"));
      var answer =
          browser
              .page()
              .getFormByName("logout")
              .getButtonByName("signout")
              .click()
              .getWebResponse();

      assertEquals(200, answer.getStatusCode());
      assertTrue(answer.getContentAsString().contains("You are signed out"));
      Browser.Step silent =
          browser.open(
              authorizationUri(in.clientId(), new CodeVerifier(), "openid", "none").toString());
      assertEquals(
          "login_required",
          AuthorizationResponse.parse(silent.exit()).toErrorResponse().getErrorObject().getCode());
    }
  }

  @Test
  default void logoutWhenRedirectUnregisteredOrClientUnknownOrHintInvalidThen400PageNoRedirect()
      throws Exception {
    try (Browser browser = new Browser()) {
      SignedIn in = signIn(browser, "openid");
      String hint = in.tokens().getIDToken().serialize();
      String[] urls = {
        "/logout?id_token_hint=" + hint + "&post_logout_redirect_uri=https://evil.example/",
        "/logout?post_logout_redirect_uri=" + LOGGED_OUT,
        "/logout?id_token_hint=" + hint.substring(0, hint.length() - 4) + "AAAA",
        "/logout?id_token_hint=" + hint + "&client_id=another-client",
        "/logout?id_token_hint=" + in.tokens().getAccessToken().getValue()
      };
      for (String url : urls) {
        Response response = request(url).get();
        assertEquals(400, response.getStatus(), url);
        assertNull(response.getHeaderString("Location"), url);
      }
    }
  }

  private static JsonObject register() {
    return TestClients.register(
        TestClients.confidential()
            .add("post_logout_redirect_uris", Json.createArrayBuilder().add(LOGGED_OUT)));
  }

  private static SignedIn signIn(Browser browser, String scope) throws Exception {
    TestAccount user = TestAccounts.alice();
    JsonObject client = register();
    ClientID id = new ClientID(client.getString("client_id"));
    CodeVerifier verifier = new CodeVerifier();
    AuthorizationCode code = authorize(browser, user, id, verifier, scope);
    return new SignedIn(
        user, id, redeem(id, new Secret(client.getString("client_secret")), code, verifier, true));
  }

  private static AuthorizationCode authorize(
      Browser browser, TestAccount user, ClientID id, CodeVerifier verifier, String scope)
      throws Exception {
    browser.open(authorizationUri(id, verifier, scope, null).toString());
    browser.login(user.username(), user.password());
    Browser.Step back = browser.consent(true);
    return AuthorizationResponse.parse(back.exit()).toSuccessResponse().getAuthorizationCode();
  }

  private static URI authorizationUri(
      ClientID id, CodeVerifier verifier, String scope, String prompt) {
    AuthenticationRequest.Builder builder =
        new AuthenticationRequest.Builder(
                new ResponseType("code"), Scope.parse(scope), id, URI.create(CALLBACK))
            .endpointURI(URI.create(issuer() + "/authorize"))
            .state(new State())
            .nonce(new Nonce())
            .codeChallenge(verifier, CodeChallengeMethod.S256);
    if (prompt != null) {
      builder.prompt(new Prompt(prompt));
    }
    return builder.build().toURI();
  }

  private static OIDCTokens redeem(
      ClientID id,
      Secret secret,
      AuthorizationCode code,
      CodeVerifier verifier,
      boolean expectSuccess)
      throws Exception {
    var response =
        OIDCTokenResponseParser.parse(
            new TokenRequest(
                    URI.create(issuer() + "/token"),
                    new ClientSecretBasic(id, secret),
                    new AuthorizationCodeGrant(code, URI.create(CALLBACK), verifier))
                .toHTTPRequest()
                .send());
    assertEquals(expectSuccess, response.indicatesSuccess());
    if (!expectSuccess) {
      return null;
    }
    OIDCTokens tokens = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
    assertNotNull(tokens.getIDToken());
    return tokens;
  }
}
