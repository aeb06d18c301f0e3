package dev.gatehouse.token;

import static dev.gatehouse.testing.TestServer.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import dev.gatehouse.testing.AsClient;
import dev.gatehouse.testing.SignIn;
import dev.gatehouse.testing.TestAccounts;
import dev.gatehouse.testing.TestAccounts.TestAccount;
import dev.gatehouse.testing.TestClients;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/**
 * The mp-jwt access-token profile against an unmodified MicroProfile JWT service (Payara's MP-JWT,
 * {@code @LoginConfig} + {@code @RolesAllowed}) deployed beside the provider at /mpjwt-probe.
 */
public interface MpJwtInteropContract {

  String PROBE = "/mpjwt-probe/api/whoami";

  @Test
  default void mpJwtProfileTokenWhenCalledOnMicroProfileServiceThenCallerAndRoleRecognized()
      throws Exception {
    TestAccount alice = TestAccounts.alice();
    OIDCTokens tokens =
        SignIn.tokens(
            TestClients.register(TestClients.confidential().add("access_token_profile", "mp-jwt")),
            alice,
            "openid");
    SignedJWT access = SignedJWT.parse(tokens.getAccessToken().getValue());
    assertEquals("JWT", access.getHeader().getType().toString());
    assertEquals(alice.username(), access.getJWTClaimsSet().getStringClaim("upn"));

    Response response =
        request(PROBE).header("Authorization", "Bearer " + access.serialize()).get();

    assertEquals(
        200, response.getStatus(), () -> "MP-JWT refused the token: " + response.getStatus());
    assertEquals(alice.username() + " staff=true", response.readEntity(String.class));
    assertEquals(
        200,
        request("/userinfo")
            .header("Authorization", "Bearer " + access.serialize())
            .get()
            .getStatus(),
        "the provider's own UserInfo accepts the profile too");
  }

  /**
   * A machine client's own token (client_credentials) on the mp-jwt profile is {@code typ: JWT}
   * too: MP-JWT takes it (the caller is the client, by sub, without the role the probe requires:
   * 403), where it refuses the at+jwt one outright (401).
   */
  @Test
  default void mpJwtProfileWhenClientCredentialsThenTokenTypJwtAndAcceptedByMicroProfile()
      throws Exception {
    JsonObject mpJwt =
        TestClients.configure(
            TestClients.service("client_secret_basic")
                .add("scope", "read")
                .add("access_token_profile", "mp-jwt"));
    JsonObject plain = TestClients.machine("read");
    SignedJWT access = SignedJWT.parse(AsClient.clientCredentialsToken(mpJwt));
    SignedJWT atJwt = SignedJWT.parse(AsClient.clientCredentialsToken(plain));

    assertEquals("JWT", access.getHeader().getType().toString());
    assertEquals(mpJwt.getString("client_id"), access.getJWTClaimsSet().getSubject());
    assertEquals("at+jwt", atJwt.getHeader().getType().toString());
    assertEquals(
        403, status(request(PROBE).header("Authorization", "Bearer " + access.serialize())));
    assertEquals(
        401, status(request(PROBE).header("Authorization", "Bearer " + atJwt.serialize())));
  }

  private static int status(Invocation.Builder call) {
    try (Response response = call.get()) {
      return response.getStatus();
    }
  }

  @Test
  default void defaultProfileTokenWhenCalledOnMicroProfileServiceThenRefusedAsAtJwt()
      throws Exception {
    OIDCTokens tokens =
        SignIn.tokens(
            TestClients.register(TestClients.confidential()), TestAccounts.alice(), "openid");
    SignedJWT access = SignedJWT.parse(tokens.getAccessToken().getValue());
    assertEquals("at+jwt", access.getHeader().getType().toString());

    Response response =
        request(PROBE).header("Authorization", "Bearer " + access.serialize()).get();

    assertTrue(
        response.getStatus() == 401 || response.getStatus() == 403,
        "status " + response.getStatus());
  }
}
