package dev.gatehouse.testing;

import static dev.gatehouse.testing.TestServer.issuer;
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
import java.net.URI;

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
}
