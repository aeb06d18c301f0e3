package dev.gatehouse.testing;

import static dev.gatehouse.testing.TestServer.issuer;
import static dev.gatehouse.testing.TestServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import dev.gatehouse.testing.TestAccounts.TestAccount;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The whole authorization code flow for tests that need tokens: a user signs in and consents in a
 * real browser, and Nimbus redeems the code with PKCE.
 */
public final class SignIn {

  public static final String CALLBACK = "https://app.example/callback";

  private SignIn() {}

  /** Tokens for a fresh user of a registered confidential client (client information response). */
  public static OIDCTokens tokens(JsonObject client, TestAccount user, String scope)
      throws Exception {
    ClientID id = new ClientID(client.getString("client_id"));
    CodeVerifier verifier = new CodeVerifier();
    URI uri =
        new AuthenticationRequest.Builder(
                new ResponseType("code"), Scope.parse(scope), id, URI.create(CALLBACK))
            .endpointURI(URI.create(issuer() + "/authorize"))
            .state(new State())
            .nonce(new Nonce())
            .codeChallenge(verifier, CodeChallengeMethod.S256)
            .build()
            .toURI();
    AuthorizationCode code;
    try (Browser browser = new Browser()) {
      browser.open(uri.toString());
      browser.login(user.username(), user.password());
      code =
          AuthorizationResponse.parse(browser.consent(true).exit())
              .toSuccessResponse()
              .getAuthorizationCode();
    }
    TokenResponse response =
        OIDCTokenResponseParser.parse(
            new TokenRequest(
                    URI.create(issuer() + "/token"),
                    new ClientSecretBasic(id, new Secret(client.getString("client_secret"))),
                    new AuthorizationCodeGrant(code, URI.create(CALLBACK), verifier))
                .toHTTPRequest()
                .send());
    assertTrue(
        response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
    return ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
  }

  /**
   * Signs a user in and consents once for a client (confidential or public) in a browser that stays
   * open: each {@link Session#code()} is then a fresh code straight from the SSO session, with no
   * page shown.
   */
  public static Session session(JsonObject client, TestAccount user, String scope)
      throws IOException {
    Session session = new Session(client, scope, new Browser());
    Browser.Step first = session.browser.open(session.authorizationUri(new CodeVerifier()));
    if (first.exit() == null) {
      session.browser.login(user.username(), user.password());
      assertNotNull(session.browser.consent(true).exit(), "consent leads back to the client");
    }
    return session;
  }

  /**
   * An authorization request of the client to {@link #CALLBACK} with a fresh state and nonce, and
   * an S256 challenge of the verifier when there is one.
   */
  public static String authorizationUri(JsonObject client, String scope, CodeVerifier verifier) {
    AuthenticationRequest.Builder request =
        new AuthenticationRequest.Builder(
                new ResponseType("code"),
                Scope.parse(scope),
                new ClientID(client.getString("client_id")),
                URI.create(CALLBACK))
            .endpointURI(URI.create(issuer() + "/authorize"))
            .state(new State())
            .nonce(new Nonce());
    if (verifier != null) {
      request.codeChallenge(verifier, CodeChallengeMethod.S256);
    }
    return request.build().toURI().toString();
  }

  /** A user's SSO session in a browser, for one client and scope. */
  public static final class Session implements AutoCloseable {

    /** A code and the PKCE verifier that redeems it. */
    public record Code(String value, CodeVerifier verifier) {}

    private final JsonObject client;
    private final String scope;
    private final Browser browser;

    private Session(JsonObject client, String scope, Browser browser) {
      this.client = client;
      this.scope = scope;
      this.browser = browser;
    }

    /** A fresh code through the SSO session (remembered consent: no page). */
    public Code code() throws Exception {
      return code(scope);
    }

    /** A fresh code for a scope the remembered consent covers, through the SSO session. */
    public Code code(String otherScope) throws Exception {
      CodeVerifier verifier = new CodeVerifier();
      URI exit = browser.open(SignIn.authorizationUri(client, otherScope, verifier)).exit();
      assertNotNull(exit, "SSO: straight back to the client");
      AuthorizationCode code =
          AuthorizationResponse.parse(exit).toSuccessResponse().getAuthorizationCode();
      return new Code(code.getValue(), verifier);
    }

    /**
     * Whether an authorization request takes the browser straight back to the client, as an SSO
     * session with remembered consent does (false: a login or consent page is shown).
     */
    public boolean straightBack() throws IOException {
      return browser.open(authorizationUri(new CodeVerifier())).exit() != null;
    }

    /** Redeems a code at the token endpoint (raw response, for races and error checks). */
    public Response redeem(Code code) {
      return AsClient.token(
          client,
          new Form("grant_type", "authorization_code")
              .param("code", code.value())
              .param("redirect_uri", CALLBACK)
              .param("code_verifier", code.verifier().getValue()));
    }

    /**
     * Ends the SSO session at the end_session endpoint (RP-initiated logout with an ID token of it
     * as the hint, no redirect), asserting the logout succeeded.
     */
    public void logOut(String idTokenHint) throws IOException {
      Browser.Step out =
          browser.open(
              issuer()
                  + "/logout?id_token_hint="
                  + URLEncoder.encode(idTokenHint, StandardCharsets.UTF_8));
      assertTrue(out.status() < 400, "logout: " + out.status());
    }

    /** A fresh code redeemed: the token response, asserted successful. */
    public JsonObject tokens() throws Exception {
      return tokens(scope);
    }

    /** A fresh code for a scope the remembered consent covers, redeemed (asserted successful). */
    public JsonObject tokens(String otherScope) throws Exception {
      Response response = redeem(code(otherScope));
      assertEquals(200, response.getStatus());
      return json(response);
    }

    private String authorizationUri(CodeVerifier verifier) {
      return SignIn.authorizationUri(client, scope, verifier);
    }

    @Override
    public void close() {
      browser.close();
    }
  }
}
