package dev.gatehouse.token;

import static dev.gatehouse.testing.TestServer.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import dev.gatehouse.testing.SignIn;
import dev.gatehouse.testing.TestAccounts;
import dev.gatehouse.testing.TestAccounts.TestAccount;
import dev.gatehouse.testing.TestClients;
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
