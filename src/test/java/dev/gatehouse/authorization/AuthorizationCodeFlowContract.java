package dev.gatehouse.authorization;

import static dev.gatehouse.testing.TestServer.issuer;
import static dev.gatehouse.testing.TestServer.json;
import static dev.gatehouse.testing.TestServer.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.AccessTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.gatehouse.testing.AsClient;
import dev.gatehouse.testing.Browser;
import dev.gatehouse.testing.TestAccounts;
import dev.gatehouse.testing.TestAccounts.TestAccount;
import dev.gatehouse.testing.TestClients;
import dev.gatehouse.testing.TestServer;
import dev.gatehouse.testing.Together;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * The authorization code flow through the real HTML pages (HtmlUnit), redeemed and validated with
 * the Nimbus OAuth 2.0 SDK, and its rejections (SPEC-CHECKLIST "Authorization endpoint", "Codes and
 * the token endpoint").
 */
public interface AuthorizationCodeFlowContract {

  String CALLBACK = "https://app.example/callback";

  /** A registered confidential client that may ask for the sample API's read scope. */
  record RegisteredClient(ClientID id, Secret secret) {}

  /** The client's side of one authorization request. */
  record Attempt(State state, Nonce nonce, CodeVerifier verifier, URI uri) {}

  @Test
  default void flowWhenUserSignsInAndConsentsThenNimbusValidatesIdTokenAndApiAcceptsAccessToken()
      throws Exception {
    TestAccount alice = TestAccounts.alice();
    RegisteredClient client = register();
    Attempt attempt = attempt(client, "openid profile email offline_access read");
    try (Browser browser = new Browser()) {
      Browser.Step login = browser.open(attempt.uri().toString());
      assertEquals("/login", login.path());
      assertEquals("DENY", login.page().getWebResponse().getResponseHeaderValue("X-Frame-Options"));

      Browser.Step consent = browser.login(alice.username(), alice.password());
      assertEquals("/consent", consent.path());
      assertTrue(
          consent.page().getWebResponse().getContentAsString().contains("See your email address"));

      Browser.Step back = browser.consent(true);
      assertEquals(303, back.status());
      AuthorizationResponse response = AuthorizationResponse.parse(back.exit());
      assertTrue(response.indicatesSuccess());
      assertEquals(attempt.state(), response.getState());
      assertEquals(new Issuer(issuer()), response.getIssuer(), "RFC 9207 iss");

      OIDCTokenResponse tokens =
          redeem(client, response.toSuccessResponse().getAuthorizationCode(), attempt.verifier());
      IDTokenClaimsSet id =
          validateIdToken(client, tokens.getOIDCTokens().getIDToken(), attempt.nonce());
      assertEquals(alice.subject(), id.getSubject().getValue());
      assertNotNull(id.getAuthenticationTime());
      assertEquals(alice.username() + "@example.com", id.getStringClaim("email"));
      assertNotNull(id.getStringClaim("sid"));
      AccessTokenValidator.validate(
          tokens.getOIDCTokens().getAccessToken(), JWSAlgorithm.RS256, id.getAccessTokenHash());
      assertNotNull(
          tokens.getOIDCTokens().getRefreshToken(), "offline_access granted: refresh token");

      Response api =
          request("/api/secure-data")
              .header(
                  "Authorization", "Bearer " + tokens.getOIDCTokens().getAccessToken().getValue())
              .get();
      assertEquals(200, api.getStatus());
      assertEquals(alice.subject(), json(api).getJsonObject("user").getString("sub"));

      UserInfoResponse userInfo =
          UserInfoResponse.parse(
              new UserInfoRequest(
                      URI.create(issuer() + "/userinfo"),
                      tokens.getOIDCTokens().getBearerAccessToken())
                  .toHTTPRequest()
                  .send());
      assertEquals(
          alice.subject(), userInfo.toSuccessResponse().getUserInfo().getSubject().getValue());
      assertEquals("Alice Example", userInfo.toSuccessResponse().getUserInfo().getName());

      Browser.Step out =
          browser.open(
              new LogoutRequest(
                      URI.create(issuer() + "/logout"), tokens.getOIDCTokens().getIDToken())
                  .toURI()
                  .toString());
      assertTrue(out.page().getWebResponse().getContentAsString().contains("You are signed out"));
    }
  }

  @Test
  default void authorizeWhenPromptLoginOrMaxAgeZeroThenLoginAgainAndPromptConsentShowsConsent()
      throws Exception {
    TestAccount alice = TestAccounts.alice();
    RegisteredClient client = register();
    try (Browser browser = new Browser()) {
      signInAndConsent(browser, client, alice);

      assertEquals(
          "/login", browser.open(attempt(client, "openid").uri() + "&prompt=login").path());
      assertEquals("/login", browser.open(attempt(client, "openid").uri() + "&max_age=0").path());
      Browser.Step consent = browser.open(attempt(client, "openid").uri() + "&prompt=consent");
      assertEquals("/consent", consent.path());
    }
  }

  /**
   * Core §3.1.2.1: a request that asked for a sign-in (prompt=login, max_age exceeded) is not
   * approved at the consent page, reached by its address or by another request's consent form,
   * without one; after the sign-in it goes on.
   */
  @Test
  default void consentWhenRequestAskedForSignInAndNoneWasMadeThenRefusedWithoutCode()
      throws Exception {
    TestAccount alice = TestAccounts.alice();
    RegisteredClient client = register();
    try (Browser browser = new Browser()) {
      signInAndConsent(browser, client, alice);
      for (String ask : new String[] {"&prompt=login", "&max_age=0"}) {
        Browser.Step login = browser.open(attempt(client, "openid").uri() + ask);
        assertEquals("/login", login.path(), ask);
        String requestId = login.page().getUrl().getQuery().replaceFirst("^.*request=", "");

        Browser.Step byAddress = browser.open(issuer() + "/consent?request=" + requestId);
        HtmlPage other =
            (HtmlPage) browser.open(attempt(client, "openid").uri() + "&prompt=consent").page();
        other.getFormByName("consent").getInputByName("request").setValue(requestId);
        Browser.Step byForm = browser.consent(other, true);

        assertEquals(400, byAddress.status(), ask);
        assertEquals(400, byForm.status(), ask);
        assertNull(byForm.exit(), ask);
        browser.open(issuer() + "/login?request=" + requestId);
        Browser.Step signedIn = browser.login(alice.username(), alice.password());
        assertTrue(AuthorizationResponse.parse(signedIn.exit()).indicatesSuccess(), ask);
      }
    }
  }

  /**
   * max_age is judged when the request comes: a session young enough then goes on to the consent
   * page, and the time the user takes there does not send them back to sign in.
   */
  @Test
  default void consentWhenMaxAgeMetAtTheRequestButPassedWhileOnThePageThenCodeIssued()
      throws Exception {
    TestAccount alice = TestAccounts.alice();
    try (Browser browser = new Browser()) {
      browser.open(attempt(register(), "openid").uri().toString());
      browser.login(alice.username(), alice.password());
      browser.consent(true);

      Browser.Step consent = browser.open(attempt(register(), "openid").uri() + "&max_age=4");
      assertEquals("/consent", consent.path());
      Thread.sleep(5_000);
      Browser.Step allowed = browser.consent(true);

      assertNotNull(allowed.exit(), "back to the client, not sent to sign in again");
      assertTrue(AuthorizationResponse.parse(allowed.exit()).indicatesSuccess());
    }
  }

  /**
   * Core §3.1.2.1 id_token_hint: the user it names must be the one signed in. Another user's hint
   * is login_required under prompt=none and the login page otherwise; the signed-in user's own hint
   * goes straight back; a forged hint is invalid_request.
   */
  @Test
  default void authorizeWhenIdTokenHintNamesAnotherUserThenLoginRequiredOrLoginPage()
      throws Exception {
    RegisteredClient client = register();
    Attempt first = attempt(client, "openid");
    String otherUsersHint =
        redeem(client, obtainCode(client, first), first.verifier())
            .getOIDCTokens()
            .getIDTokenString();
    TestAccount signedIn = TestAccounts.alice();
    try (Browser browser = new Browser()) {
      Attempt own = attempt(client, "openid");
      browser.open(own.uri().toString());
      browser.login(signedIn.username(), signedIn.password());
      AuthorizationCode code =
          AuthorizationResponse.parse(browser.consent(true).exit())
              .toSuccessResponse()
              .getAuthorizationCode();
      String ownHint = redeem(client, code, own.verifier()).getOIDCTokens().getIDTokenString();

      Browser.Step silentOther =
          browser.open(
              attempt(client, "openid").uri() + "&prompt=none&id_token_hint=" + otherUsersHint);
      Browser.Step interactiveOther =
          browser.open(attempt(client, "openid").uri() + "&id_token_hint=" + otherUsersHint);
      Browser.Step silentOwn =
          browser.open(attempt(client, "openid").uri() + "&prompt=none&id_token_hint=" + ownHint);
      Browser.Step forged =
          browser.open(
              attempt(client, "openid").uri()
                  + "&id_token_hint="
                  + ownHint.substring(0, ownHint.length() - 4)
                  + "AAAA");

      assertEquals(
          "login_required",
          AuthorizationResponse.parse(silentOther.exit())
              .toErrorResponse()
              .getErrorObject()
              .getCode());
      assertEquals("/login", interactiveOther.path());
      assertTrue(AuthorizationResponse.parse(silentOwn.exit()).indicatesSuccess());
      assertEquals(
          "invalid_request",
          AuthorizationResponse.parse(forged.exit()).toErrorResponse().getErrorObject().getCode());
      // An old ID token whose key has since been purged: read as no hint, not refused.
      Browser.Step purgedKey =
          browser.open(
              attempt(client, "openid").uri()
                  + "&prompt=none&id_token_hint="
                  + signedByUnknownKey(otherUsersHint));
      assertTrue(AuthorizationResponse.parse(purgedKey.exit()).indicatesSuccess());
    }
  }

  /** The hint's claims, signed by a key this provider never published (kid "purged-key"). */
  /**
   * An authorization request of a native client (private-use scheme redirect, PKCE), without its
   * scope.
   */
  private static String nativeAuthorization(JsonObject client) {
    return issuer()
        + "/authorize?response_type=code&client_id="
        + client.getString("client_id")
        + "&redirect_uri=com.example.app:/oauth2redirect&code_challenge_method=S256"
        + "&code_challenge="
        + CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier()).getValue();
  }

  /** Signs the user in at {@code url} and consents: the code goes to the app's scheme. */
  private static void signInAndConsentAtNativeApp(Browser browser, String url, TestAccount user)
      throws Exception {
    browser.open(url);
    browser.login(user.username(), user.password());
    Browser.Step first = browser.consent(true);
    assertTrue(first.exit().toString().startsWith("com.example.app:/oauth2redirect?code="));
  }

  private static String signedByUnknownKey(String idToken) throws Exception {
    org.jose4j.jwk.RsaJsonWebKey key = org.jose4j.jwk.RsaJwkGenerator.generateJwk(2048);
    org.jose4j.jws.JsonWebSignature jws = new org.jose4j.jws.JsonWebSignature();
    jws.setPayload(
        new String(
            java.util.Base64.getUrlDecoder().decode(idToken.split("\\.")[1]),
            java.nio.charset.StandardCharsets.UTF_8));
    jws.setAlgorithmHeaderValue("RS256");
    jws.setKeyIdHeaderValue("purged-key");
    jws.setKey(key.getPrivateKey());
    return jws.getCompactSerialization();
  }

  /** prompt=select_account shows the login page, where the user picks the account (as Keycloak). */
  @Test
  default void authorizeWhenPromptSelectAccountThenLoginPageThenBackToTheClient() throws Exception {
    TestAccount alice = TestAccounts.alice();
    RegisteredClient client = register();
    try (Browser browser = new Browser()) {
      signInAndConsent(browser, client, alice);

      Browser.Step pick = browser.open(attempt(client, "openid").uri() + "&prompt=select_account");
      assertEquals("/login", pick.path());
      Browser.Step back = browser.login(alice.username(), alice.password());

      assertTrue(AuthorizationResponse.parse(back.exit()).indicatesSuccess());
    }
  }

  /**
   * The login page names the application the sign-in leads to (escaped) and prefills the login_hint
   * (Core §3.1.2.1), also after a failed attempt.
   */
  @Test
  default void loginPageWhenRequestPendingThenShowsClientNameAndLoginHint() throws Exception {
    JsonObject registered =
        TestClients.register(TestClients.confidential().add("client_name", "<b>Shop</b> & Co"));
    RegisteredClient client =
        new RegisteredClient(
            new ClientID(registered.getString("client_id")),
            new Secret(registered.getString("client_secret")));
    try (Browser browser = new Browser()) {
      Browser.Step login =
          browser.open(attempt(client, "openid").uri() + "&login_hint=alice%40example.com");
      String page = login.page().getWebResponse().getContentAsString();
      String prefilled =
          browser.page().getFormByName("login").getInputByName("username").getValue();
      Browser.Step failed = browser.login("alice@example.com", "wrong");

      assertTrue(page.contains("&lt;b&gt;Shop&lt;/b&gt; &amp; Co"), page);
      assertFalse(page.contains("<b>Shop"), "escaped");
      assertEquals("alice@example.com", prefilled);
      assertTrue(
          failed.page().getWebResponse().getContentAsString().contains("&lt;b&gt;Shop"),
          "still named after a failed attempt");
    }
  }

  /** The consent page links the client's registered policy and terms (OIDC Registration §2). */
  @Test
  default void consentPageWhenClientRegisteredPolicyAndTermsThenLinksShown() throws Exception {
    JsonObject registered =
        TestClients.register(
            TestClients.confidential()
                .add("policy_uri", "https://app.example/privacy?a=1&b=2")
                .add("tos_uri", "https://app.example/terms"));
    RegisteredClient client =
        new RegisteredClient(
            new ClientID(registered.getString("client_id")),
            new Secret(registered.getString("client_secret")));
    TestAccount alice = TestAccounts.alice();
    try (Browser browser = new Browser()) {
      browser.open(attempt(client, "openid").uri().toString());
      Browser.Step consent = browser.login(alice.username(), alice.password());

      assertEquals("/consent", consent.path());
      HtmlPage page = browser.page();
      assertEquals(
          "https://app.example/privacy?a=1&b=2",
          page.getAnchorByText("Privacy policy").getHrefAttribute());
      assertEquals(
          "https://app.example/terms", page.getAnchorByText("Terms of service").getHrefAttribute());
      assertEquals(
          "noopener noreferrer", page.getAnchorByText("Terms of service").getAttribute("rel"));
    }
  }

  /** Unknown and display parameters are ignored. */
  @Test
  default void authorizeWhenUnknownAndDisplayParametersThenIgnoredAndNoCors() throws Exception {
    TestAccount alice = TestAccounts.alice();
    RegisteredClient client = register();
    String uri =
        attempt(client, "openid").uri()
            + "&display=page&ui_locales=de&claims_locales=de&acr_values=urn%3Aloa%3A1&login_hint=x&x_vendor=1";
    Response direct =
        request(uri.substring(uri.indexOf("/authorize")))
            .header("Origin", "https://app.example")
            .get();
    assertEquals(303, direct.getStatus());
    assertNull(
        direct.getHeaderString("Access-Control-Allow-Origin"),
        "RFC 9700 §2.6: no CORS at /authorize");
    try (Browser browser = new Browser()) {
      browser.open(uri);
      browser.login(alice.username(), alice.password());
      assertTrue(AuthorizationResponse.parse(browser.consent(true).exit()).indicatesSuccess());
    }
  }

  /**
   * RFC 8707 §2: a user's tokens are for the default audience ({@code gatehouse-api} here, a bare
   * name no resource can name), so a resource, named once or twice, relative, or two different
   * ones, is invalid_target at the verified redirect_uri with the state, before any sign-in; not a
   * code the token endpoint would refuse to redeem, nor a token silently for another audience.
   */
  @Test
  default void authorizeWhenResourceNotTheDefaultAudienceThenInvalidTargetRedirectBeforeSignIn() {
    RegisteredClient client = register();
    String base = attempt(client, "openid").uri().toString();
    for (String resources :
        List.of(
            "&resource=https%3A%2F%2Fapi.example%2Forders",
            "&resource=https%3A%2F%2Fapi.example%2Forders&resource=https%3A%2F%2Fapi.example%2Forders",
            "&resource=https%3A%2F%2Fapi.example%2Forders&resource=https%3A%2F%2Fapi.example%2Fb",
            "&resource=gatehouse-api",
            "&resource=https%3A%2F%2Fapi.example%2Forders%23f")) {
      String uri = base + resources;
      Response response = request(uri.substring(uri.indexOf("/authorize"))).get();

      assertEquals(303, response.getStatus(), resources);
      URI location = response.getLocation();
      assertTrue(location.toString().startsWith(CALLBACK), location.toString());
      assertTrue(location.getRawQuery().contains("error=invalid_target"), location.toString());
      assertTrue(location.getRawQuery().contains("state="), location.toString());
    }
    String plain = base.substring(base.indexOf("/authorize"));
    assertTrue(
        request(plain).get().getLocation().getPath().startsWith("/login"),
        "the control: without a resource, the sign-in page");
  }

  @Test
  default void secondAuthorizationWhenSessionAndConsentExistThenNoPagesShown() throws Exception {
    TestAccount alice = TestAccounts.alice();
    RegisteredClient client = register();
    try (Browser browser = new Browser()) {
      signInAndConsent(browser, client, alice);

      Browser.Step again = browser.open(attempt(client, "openid").uri().toString());

      assertNotNull(again.exit(), "SSO: straight back to the client");
      assertTrue(AuthorizationResponse.parse(again.exit()).indicatesSuccess());
    }
  }

  @Test
  default void loginPostThen303AndSessionCookieHttpOnlySameSiteLax() throws Exception {
    TestAccount alice = TestAccounts.alice();
    try (Browser browser = new Browser()) {
      browser.open(attempt(register(), "openid").uri().toString());
      var form = browser.page().getFormByName("login");
      form.getInputByName("username").setValue(alice.username());
      form.getInputByName("password").setValue(alice.password());

      var answer = form.getButtonByName("signin").click().getWebResponse();

      assertEquals(303, answer.getStatusCode(), "RFC 9700 §4.12: 303 after a credential POST");
      String cookie = answer.getResponseHeaderValue("Set-Cookie");
      assertTrue(cookie.startsWith("gatehouse_session="), cookie);
      assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), cookie);
    }
  }

  @Test
  default void loginWhenWrongPasswordOrUnknownUserThenSameGenericErrorAndNoSession()
      throws Exception {
    TestAccount alice = TestAccounts.alice();
    try (Browser browser = new Browser()) {
      browser.open(attempt(register(), "openid").uri().toString());
      Browser.Step wrongPassword = browser.login(alice.username(), "wrong");
      String first = wrongPassword.page().getWebResponse().getContentAsString();
      Browser.Step unknownUser = browser.login("nobody-" + alice.username(), "wrong");
      String second = unknownUser.page().getWebResponse().getContentAsString();

      assertEquals(200, wrongPassword.status());
      assertTrue(first.contains("Sign-in failed. Check your username and password"));
      assertTrue(second.contains("Sign-in failed. Check your username and password"));
      assertNull(browser.client().getCookieManager().getCookie("gatehouse_session"));
    }
  }

  @Test
  default void loginWhenTooManyFailuresThenAccountLockedEvenForRightPassword() throws Exception {
    TestAccount alice = TestAccounts.alice();
    try (Browser browser = new Browser()) {
      browser.open(attempt(register(), "openid").uri().toString());
      for (int i = 0; i < 5; i++) {
        browser.login(alice.username(), "wrong-" + i);
      }
      Browser.Step right = browser.login(alice.username(), alice.password());

      assertEquals("/login", right.path());
      assertTrue(right.page().getWebResponse().getContentAsString().contains("Sign-in failed"));
    }
  }

  /**
   * Wrong passwords sent at once (one page, one CSRF token, 8 requests) after 4 failures: each is
   * answered with the login page (none fails on another's write), the one checked first is the 5th
   * failure and locks the account (the others are refused unchecked or find it locked), and the
   * right password is then refused too.
   */
  @Test
  default void loginWhenWrongPasswordsSentAtOnceThenAnsweredAndTheLockHolds() throws Exception {
    TestAccount alice = TestAccounts.alice();
    try (Browser browser = new Browser()) {
      browser.open(attempt(register(), "openid").uri().toString());
      for (int i = 0; i < 4; i++) {
        browser.login(alice.username(), "wrong-" + i);
      }
      StringBuilder body =
          new StringBuilder("username=" + encoded(alice.username()) + "&password=wrong");
      for (HtmlElement input :
          browser.page().getFormByName("login").getElementsByTagName("input")) {
        String name = input.getAttribute("name");
        if (!name.isEmpty() && !name.equals("username") && !name.equals("password")) {
          body.append('&').append(encoded(name)).append('=');
          body.append(encoded(input.getAttribute("value")));
        }
      }
      String cookies = browser.cookieHeader();

      List<HttpResponse<String>> answers =
          Together.send(
              () ->
                  TestServer.send(
                      HttpRequest.newBuilder(TestServer.base().resolve("/login"))
                          .header("Content-Type", "application/x-www-form-urlencoded")
                          .header("Cookie", cookies)
                          .POST(HttpRequest.BodyPublishers.ofString(body.toString()))),
              8);

      for (HttpResponse<String> answer : answers) {
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("Sign-in failed"), answer.body());
      }
      Browser.Step right = browser.login(alice.username(), alice.password());
      assertEquals("/login", right.path(), "locked by the 5th failure");
      assertTrue(right.page().getWebResponse().getContentAsString().contains("Sign-in failed"));
    }
  }

  private static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  default void loginPostWhenCsrfTokenMissingThen403() {
    Response response =
        request("/login")
            .post(
                Entity.form(
                    new Form("username", "demo").param("password", "demo").param("request", "")));

    assertEquals(403, response.getStatus());
    assertTrue(
        response.getMediaType().isCompatible(MediaType.TEXT_HTML_TYPE),
        "a page the user can read: " + response.getMediaType());
    assertTrue(response.readEntity(String.class).contains("This page has expired"));
    String cookie = response.getHeaderString("Set-Cookie");
    assertFalse(
        cookie != null && cookie.contains("gatehouse_session"), "no session without CSRF token");
  }

  @Test
  default void consentWhenClientDeletedWhileUserSignedInThenErrorPageNotServerError()
      throws Exception {
    TestAccount alice = TestAccounts.alice();
    RegisteredClient client = register();
    try (Browser browser = new Browser()) {
      browser.open(attempt(client, "openid").uri().toString());
      Browser.Step consent = browser.login(alice.username(), alice.password());
      assertEquals("/consent", consent.path());
      try (Response deleted = request("/test-only/db/client/" + client.id().getValue()).delete()) {
        assertEquals(204, deleted.getStatus());
      }

      HtmlPage openPage = (HtmlPage) consent.page();
      Browser.Step again = browser.open(openPage.getUrl().toString());
      Browser.Step allowed = browser.consent(openPage, true);

      for (Browser.Step step : List.of(again, allowed)) {
        assertEquals(400, step.status());
        assertNull(step.exit(), "no redirect to a client that is gone");
        assertTrue(step.page().getWebResponse().getContentAsString().contains("not registered"));
      }
    }
  }

  @Test
  default void consentWhenDeniedThenAccessDeniedRedirect() throws Exception {
    TestAccount alice = TestAccounts.alice();
    Attempt attempt = attempt(register(), "openid");
    try (Browser browser = new Browser()) {
      browser.open(attempt.uri().toString());
      browser.login(alice.username(), alice.password());
      Browser.Step denied = browser.consent(false);

      AuthorizationResponse response = AuthorizationResponse.parse(denied.exit());
      assertFalse(response.indicatesSuccess());
      assertEquals("access_denied", response.toErrorResponse().getErrorObject().getCode());
      assertEquals(attempt.state(), response.getState());
    }
  }

  /** The user denies, goes Back to the consent page and allows: the request is over, no code. */
  @Test
  default void consentWhenDeniedThenTheSamePageCannotApproveOrDenyAgain() throws Exception {
    TestAccount alice = TestAccounts.alice();
    Attempt attempt = attempt(register(), "openid");
    try (Browser browser = new Browser()) {
      browser.open(attempt.uri().toString());
      browser.login(alice.username(), alice.password());
      HtmlPage consentPage = browser.page();
      assertEquals(
          "access_denied",
          AuthorizationResponse.parse(browser.consent(false).exit())
              .toErrorResponse()
              .getErrorObject()
              .getCode());

      Browser.Step approvedAfter = browser.consent(consentPage, true);
      Browser.Step deniedAgain = browser.consent(consentPage, false);

      assertNull(approvedAfter.exit(), "no redirect to the client, so no code");
      assertEquals(400, approvedAfter.status());
      assertTrue(approvedAfter.page().getWebResponse().getContentAsString().contains("expired"));
      assertNull(deniedAgain.exit());
      assertEquals(400, deniedAgain.status());
    }
  }

  @Test
  default void authorizeWhenRedirectUriUnregisteredOrClientUnknownThen400PageAndNoRedirect()
      throws Exception {
    RegisteredClient client = register();
    String[] urls = {
      "/authorize?response_type=code&scope=openid&client_id="
          + client.id()
          + "&redirect_uri=https://evil.example/cb",
      "/authorize?response_type=code&scope=openid&client_id="
          + client.id()
          + "&redirect_uri="
          + CALLBACK
          + "/extra",
      "/authorize?response_type=code&scope=openid&client_id=" + client.id(),
      "/authorize?response_type=code&scope=openid&client_id=nope&redirect_uri=" + CALLBACK
    };
    for (String url : urls) {
      Response response = request(url).get();
      assertEquals(400, response.getStatus(), url);
      assertNull(response.getHeaderString("Location"), url);
      assertEquals("DENY", response.getHeaderString("X-Frame-Options"));
      assertTrue(response.readEntity(String.class).contains("cannot be completed"), url);
    }
  }

  @Test
  default void authorizeWhenRequestInvalidAfterRedirectUriVerifiedThenErrorRedirectWithStateAndIss()
      throws Exception {
    RegisteredClient client = register();
    String base = "/authorize?client_id=" + client.id() + "&redirect_uri=" + CALLBACK + "&state=s1";
    String challenge =
        "&code_challenge="
            + new CodeVerifier().getValue().substring(0, 43)
            + "&code_challenge_method=";
    String[][] cases = {
      {base + "&response_type=code&scope=profile", "invalid_scope"},
      {base + "&response_type=token&scope=openid", "unsupported_response_type"},
      {base + "&scope=openid", "invalid_request"},
      {base + "&response_type=code&scope=openid" + challenge + "plain", "invalid_request"},
      {base + "&response_type=code&scope=openid&prompt=none", "login_required"},
      {base + "&response_type=code&scope=openid&scope=email", "invalid_request"},
      {base + "&response_type=code&scope=openid&max_age=-1", "invalid_request"},
      {base + "&response_type=code&scope=openid&response_mode=fragment", "invalid_request"},
      {
        base + "&response_type=code&scope=openid&request=eyJhbGciOiJub25lIn0.e30.",
        "request_not_supported"
      },
      {
        base + "&response_type=code&scope=openid&request_uri=https://app.example/r",
        "request_uri_not_supported"
      },
      {
        "/authorize?client_id="
            + machineWithRedirect().getString("client_id")
            + "&redirect_uri="
            + CALLBACK
            + "&state=s1&response_type=code&scope=openid",
        "unauthorized_client"
      }
    };
    for (String[] c : cases) {
      Response response = request(c[0]).get();
      assertEquals(303, response.getStatus(), c[0]);
      AuthorizationResponse parsed =
          AuthorizationResponse.parse(URI.create(response.getHeaderString("Location")));
      assertFalse(parsed.indicatesSuccess(), c[0]);
      assertEquals(c[1], parsed.toErrorResponse().getErrorObject().getCode(), c[0]);
      assertEquals("s1", parsed.getState().getValue(), c[0]);
      assertEquals(new Issuer(issuer()), parsed.getIssuer(), c[0]);
    }
  }

  /**
   * A double click, or the consent page open in several tabs, submits one consent many times at
   * once: one conditional DELETE takes the pending request, so exactly one submission gets a code
   * (which works), the others the expired-request page.
   */
  @Test
  default void consentWhenSubmittedEightTimesAtOnceThenExactlyOneCodeEachRound() throws Exception {
    TestAccount alice = TestAccounts.alice();
    for (int round = 0; round < 5; round++) {
      RegisteredClient client = register();
      Attempt attempt = attempt(client, "openid");
      try (Browser browser = new Browser()) {
        browser.open(attempt.uri().toString());
        browser.login(alice.username(), alice.password());
        Form approve = new Form("decision", "approve");
        for (HtmlElement input :
            browser.page().getFormByName("consent").getElementsByTagName("input")) {
          approve.param(input.getAttribute("name"), input.getAttribute("value"));
        }
        String cookies = browser.cookieHeader();

        List<Response> answers =
            Together.send(
                () -> request("/consent").header("Cookie", cookies).post(Entity.form(approve)), 8);

        List<AuthorizationCode> codes = new ArrayList<>();
        for (Response answer : answers) {
          answer.close();
          if (answer.getStatus() == 303) {
            AuthorizationResponse parsed =
                AuthorizationResponse.parse(URI.create(answer.getHeaderString("Location")));
            assertEquals(attempt.state(), parsed.getState(), "round " + round);
            codes.add(parsed.toSuccessResponse().getAuthorizationCode());
          } else {
            assertEquals(400, answer.getStatus(), "round " + round);
          }
        }
        assertEquals(1, codes.size(), "round " + round + ": exactly one code");
        assertNotNull(
            redeem(client, codes.get(0), attempt.verifier()).getOIDCTokens().getIDToken(),
            "round " + round + ": the code works");
      }
    }
  }

  /**
   * Values too long to keep with the pending request are bad input, never a database error: a state
   * beyond 4096 characters is refused on the error page (an error response would carry it back); a
   * login_hint beyond 512 characters, and a request that no longer fits once escaped (control
   * characters in its state), go back as invalid_request.
   */
  @Test
  default void authorizeWhenStateOrLoginHintTooLongThenErrorNotServerError() {
    RegisteredClient client = register();
    String id = client.id().getValue();

    Response longState = authorizeByPost(id, "s".repeat(4097), null);
    Response longHint = authorizeByPost(id, "s1", "h".repeat(513));
    String escaped = "\u0001".repeat(4000);
    Response tooLarge = authorizeByPost(id, escaped, null);

    assertEquals(400, longState.getStatus());
    assertNull(longState.getHeaderString("Location"));
    assertTrue(longState.readEntity(String.class).contains("The state parameter is too long"));
    for (Response redirected : List.of(longHint, tooLarge)) {
      assertEquals(303, redirected.getStatus());
      String location = redirected.getHeaderString("Location");
      assertTrue(location.startsWith(CALLBACK + "?error=invalid_request"), location);
      redirected.close();
    }
    assertTrue(longHint.getHeaderString("Location").contains("state=s1"));
    assertTrue(tooLarge.getHeaderString("Location").contains("state=%01%01"));
  }

  private static Response authorizeByPost(String clientId, String state, String loginHint) {
    Form form =
        new Form("client_id", clientId)
            .param("redirect_uri", CALLBACK)
            .param("response_type", "code")
            .param("scope", "openid")
            .param("state", state);
    if (loginHint != null) {
      form.param("login_hint", loginHint);
    }
    return request("/authorize").post(Entity.form(form));
  }

  @Test
  default void authorizeWhenStateSentWithoutValueThenTreatedAsOmitted() throws Exception {
    RegisteredClient client = register();
    String base = "/authorize?client_id=" + client.id() + "&redirect_uri=" + CALLBACK + "&state=";

    // scope= beside scope=openid is no repeat: a parameter without a value was not sent.
    Response response = request(base + "&response_type=token&scope=&scope=openid").get();

    assertEquals(303, response.getStatus());
    String location = response.getHeaderString("Location");
    AuthorizationResponse parsed = AuthorizationResponse.parse(URI.create(location));
    assertEquals("unsupported_response_type", parsed.toErrorResponse().getErrorObject().getCode());
    assertFalse(location.contains("state"), "RFC 6749 §3.1: as if omitted: " + location);
  }

  /**
   * RFC 8252 §8.6: any app may claim a native client's custom scheme, so a remembered consent does
   * not send its codes there unasked: the consent page every time, consent_required under
   * prompt=none.
   */
  @Test
  default void authorizeWhenPublicNativeClientThenConsentPageEveryTime() throws Exception {
    JsonObject client = TestClients.register(TestClients.publicNative());
    String base = nativeAuthorization(client) + "&scope=openid";
    try (Browser browser = new Browser()) {
      signInAndConsentAtNativeApp(browser, base, TestAccounts.alice());

      Browser.Step again = browser.open(base);
      Browser.Step silent = browser.open(base + "&prompt=none");

      assertEquals("/consent", again.path(), "asked again, though the consent is remembered");
      assertTrue(
          silent.exit().toString().contains("error=consent_required"), silent.exit().toString());
    }
  }

  /**
   * OpenID Connect Core §11: consent to offline access is received explicitly from a native client
   * each time, even a confidential one whose consent is remembered; without offline_access the
   * remembered consent serves.
   */
  @Test
  default void authorizeWhenNativeClientAsksForOfflineAccessThenConsentPageEveryTime()
      throws Exception {
    JsonObject client =
        TestClients.register(
            TestClients.publicNative()
                .add("token_endpoint_auth_method", "client_secret_basic")
                .add(
                    "grant_types",
                    Json.createArrayBuilder().add("authorization_code").add("refresh_token")));
    String base = nativeAuthorization(client);
    String offline = base + "&scope=openid%20offline_access";
    try (Browser browser = new Browser()) {
      signInAndConsentAtNativeApp(browser, offline, TestAccounts.alice());

      Browser.Step again = browser.open(offline);
      Browser.Step silent = browser.open(offline + "&prompt=none");
      Browser.Step online = browser.open(base + "&scope=openid");

      assertEquals("/consent", again.path(), "asked again, though the consent is remembered");
      assertTrue(
          silent.exit().toString().contains("error=consent_required"), silent.exit().toString());
      assertTrue(
          online.exit().toString().startsWith("com.example.app:/oauth2redirect?code="),
          "without offline_access the remembered consent serves: " + online);
    }
  }

  @Test
  default void authorizeWhenPublicClientWithoutPkceThenInvalidRequest() {
    JsonObject client = TestClients.register(TestClients.publicNative());
    String url =
        "/authorize?response_type=code&scope=openid&client_id="
            + client.getString("client_id")
            + "&redirect_uri=com.example.app:/oauth2redirect&state=x";

    Response response = request(url).get();

    assertEquals(303, response.getStatus());
    String location = response.getHeaderString("Location");
    assertTrue(
        location.startsWith("com.example.app:/oauth2redirect?error=invalid_request"), location);
  }

  @Test
  default void tokenWhenCodeVerifierWrongOrMissingThenInvalidGrant() throws Exception {
    RegisteredClient client = register();
    AuthorizationCode first = obtainCode(client, attempt(client, "openid"));
    AuthorizationCode second = obtainCode(client, attempt(client, "openid"));

    TokenErrorResponse wrong = redeemError(client, first, new CodeVerifier());
    TokenErrorResponse missing = redeemError(client, second, null);

    assertEquals("invalid_grant", wrong.getErrorObject().getCode());
    assertTrue(wrong.getErrorObject().getDescription().contains("does not match"));
    assertEquals("invalid_grant", missing.getErrorObject().getCode());
    assertTrue(missing.getErrorObject().getDescription().contains("required"));
  }

  @Test
  default void tokenWhenCodeReusedThenInvalidGrant() throws Exception {
    RegisteredClient client = register();
    Attempt attempt = attempt(client, "openid");
    AuthorizationCode code = obtainCode(client, attempt);

    OIDCTokenResponse first = redeem(client, code, attempt.verifier());
    TokenErrorResponse replay = redeemError(client, code, attempt.verifier());

    assertEquals("invalid_grant", replay.getErrorObject().getCode());
    assertEquals(
        401,
        AsClient.userInfo(first.getOIDCTokens().getAccessToken().getValue()).getStatus(),
        "RFC 6749 §4.1.2: the replay revoked the tokens the code gave");
  }

  @Test
  default void tokenWhenCodeExpiredThenInvalidGrant() throws Exception {
    RegisteredClient client = register();
    Attempt attempt = attempt(client, "openid");
    AuthorizationCode code = obtainCode(client, attempt);

    Thread.sleep(6_000); // the container tests run with oidc.authorization.code-ttl=PT5S

    TokenErrorResponse expired = redeemError(client, code, attempt.verifier());
    assertEquals("invalid_grant", expired.getErrorObject().getCode());
    assertTrue(expired.getErrorObject().getDescription().contains("expired"));
  }

  @Test
  default void tokenWhenCodeRedeemedByAnotherClientOrOtherRedirectUriThenInvalidGrant()
      throws Exception {
    RegisteredClient owner = register();
    RegisteredClient thief = register();
    Attempt attempt = attempt(owner, "openid");
    AuthorizationCode code = obtainCode(owner, attempt);

    TokenErrorResponse stolen = redeemError(thief, code, attempt.verifier());
    assertEquals("invalid_grant", stolen.getErrorObject().getCode());
    assertEquals(
        redeemError(thief, new AuthorizationCode("no-such-code"), attempt.verifier())
            .getErrorObject()
            .getDescription(),
        stolen.getErrorObject().getDescription(),
        "the thief learns nothing it would not of an unknown code");

    TokenRequest otherRedirect =
        new TokenRequest(
            URI.create(issuer() + "/token"),
            new ClientSecretBasic(owner.id(), owner.secret()),
            new AuthorizationCodeGrant(code, URI.create(CALLBACK + "?x=1"), attempt.verifier()));
    TokenResponse mismatch = OIDCTokenResponseParser.parse(otherRedirect.toHTTPRequest().send());
    assertEquals("invalid_grant", mismatch.toErrorResponse().getErrorObject().getCode());
    TokenRequest noRedirect =
        new TokenRequest(
            URI.create(issuer() + "/token"),
            new ClientSecretBasic(owner.id(), owner.secret()),
            new AuthorizationCodeGrant(code, null, attempt.verifier()));
    TokenResponse missing = OIDCTokenResponseParser.parse(noRedirect.toHTTPRequest().send());
    assertEquals(
        "invalid_request",
        missing.toErrorResponse().getErrorObject().getCode(),
        "RFC 6749 §4.1.3, §5.2: a required parameter missing");

    // No refusal used the code up; and the thief replaying it once used revokes nothing.
    OIDCTokenResponse owned = redeem(owner, code, attempt.verifier());
    String accessToken = owned.getOIDCTokens().getAccessToken().getValue();
    assertEquals(
        "invalid_grant", redeemError(thief, code, attempt.verifier()).getErrorObject().getCode());
    assertEquals(200, AsClient.userInfo(accessToken).getStatus(), "the owner's tokens live on");
    redeemError(owner, code, attempt.verifier());
    assertEquals(401, AsClient.userInfo(accessToken).getStatus(), "the owner's own replay revokes");
  }

  @Test
  default void tokenWhenVerifierSentButNoChallengeWasThenInvalidGrant() throws Exception {
    RegisteredClient client = register();
    State state = new State();
    URI uri =
        new AuthenticationRequest.Builder(
                new ResponseType("code"), new Scope("openid"), client.id(), URI.create(CALLBACK))
            .endpointURI(URI.create(issuer() + "/authorize"))
            .state(state)
            .build()
            .toURI();
    AuthorizationCode code = obtainCode(client, new Attempt(state, null, null, uri));

    TokenErrorResponse error = redeemError(client, code, new CodeVerifier());
    assertEquals("invalid_grant", error.getErrorObject().getCode());
    assertTrue(error.getErrorObject().getDescription().contains("no code_challenge"));
  }

  @Test
  default void tokenWhenGrantTypeUnknownOrMissingThenRfc6749Errors() {
    RegisteredClient client = register();
    String basic =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString((client.id() + ":" + client.secret().getValue()).getBytes());

    Response unknown =
        request("/token")
            .header("Authorization", basic)
            .post(Entity.form(new Form("grant_type", "password")));
    Response missing =
        request("/token").header("Authorization", basic).post(Entity.form(new Form("code", "x")));

    assertEquals(400, unknown.getStatus());
    assertEquals("no-store", unknown.getHeaderString("Cache-Control"));
    assertEquals("unsupported_grant_type", json(unknown).getString("error"));
    assertEquals("invalid_request", json(missing).getString("error"));
  }

  /** A client_credentials client that registered a redirect URI all the same. */
  private static JsonObject machineWithRedirect() {
    return TestClients.configure(
        TestClients.service("client_secret_basic")
            .add("redirect_uris", Json.createArrayBuilder().add(CALLBACK)));
  }

  /** Signs the user in through the login page and allows the client on the consent page. */
  private static void signInAndConsent(Browser browser, RegisteredClient client, TestAccount user)
      throws Exception {
    browser.open(attempt(client, "openid").uri().toString());
    browser.login(user.username(), user.password());
    browser.consent(true);
  }

  private static RegisteredClient register() {
    JsonObject client =
        TestClients.register(
            TestClients.confidential()
                .add("scope", "read")
                .add(
                    "grant_types",
                    Json.createArrayBuilder().add("authorization_code").add("refresh_token")));
    return new RegisteredClient(
        new ClientID(client.getString("client_id")), new Secret(client.getString("client_secret")));
  }

  private static Attempt attempt(RegisteredClient client, String scope) {
    State state = new State();
    Nonce nonce = new Nonce();
    CodeVerifier verifier = new CodeVerifier();
    URI uri =
        new AuthenticationRequest.Builder(
                new ResponseType("code"), Scope.parse(scope), client.id(), URI.create(CALLBACK))
            .endpointURI(URI.create(issuer() + "/authorize"))
            .state(state)
            .nonce(nonce)
            .codeChallenge(verifier, CodeChallengeMethod.S256)
            .build()
            .toURI();
    return new Attempt(state, nonce, verifier, uri);
  }

  private static AuthorizationCode obtainCode(RegisteredClient client, Attempt attempt)
      throws Exception {
    TestAccount user = TestAccounts.alice();
    try (Browser browser = new Browser()) {
      browser.open(attempt.uri().toString());
      browser.login(user.username(), user.password());
      Browser.Step back = browser.consent(true);
      return AuthorizationResponse.parse(back.exit()).toSuccessResponse().getAuthorizationCode();
    }
  }

  private static OIDCTokenResponse redeem(
      RegisteredClient client, AuthorizationCode code, CodeVerifier verifier) throws Exception {
    TokenRequest request =
        new TokenRequest(
            URI.create(issuer() + "/token"),
            new ClientSecretBasic(client.id(), client.secret()),
            new AuthorizationCodeGrant(code, URI.create(CALLBACK), verifier));
    TokenResponse response = OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
    assertTrue(
        response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
    return (OIDCTokenResponse) response.toSuccessResponse();
  }

  private static TokenErrorResponse redeemError(
      RegisteredClient client, AuthorizationCode code, CodeVerifier verifier) throws Exception {
    TokenRequest request =
        new TokenRequest(
            URI.create(issuer() + "/token"),
            new ClientSecretBasic(client.id(), client.secret()),
            new AuthorizationCodeGrant(code, URI.create(CALLBACK), verifier));
    var http = request.toHTTPRequest().send();
    assertEquals(400, http.getStatusCode());
    assertEquals("no-store", http.getHeaderValue("Cache-Control"));
    TokenResponse response = OIDCTokenResponseParser.parse(http);
    assertFalse(response.indicatesSuccess());
    return response.toErrorResponse();
  }

  private static IDTokenClaimsSet validateIdToken(RegisteredClient client, JWT idToken, Nonce nonce)
      throws Exception {
    IDTokenValidator validator =
        new IDTokenValidator(
            new Issuer(issuer()),
            client.id(),
            JWSAlgorithm.RS256,
            new URL(issuer() + "/jwks.json"));
    return validator.validate(idToken, nonce);
  }
}
