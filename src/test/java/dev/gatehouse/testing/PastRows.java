package dev.gatehouse.testing;

import static dev.gatehouse.testing.TestServer.json;
import static dev.gatehouse.testing.TestServer.request;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.text.ParseException;
import java.time.Duration;

/** The container tests' side of {@link DatabaseProbe}: moves rows into the past, counts rows. */
public final class PastRows {

  private PastRows() {}

  /** What of a grant to move into the past. */
  public enum Part {
    /** The grant and all its codes and tokens. */
    ALL,
    /** Only when it was revoked. */
    REVOCATION,
    /** Only when the user signed in (auth_time). */
    SIGN_IN,
    /** Only its codes and access tokens (the grant and its refresh tokens stay as they are). */
    CODES_AND_ACCESS_TOKENS
  }

  /** Moves the grant of an access token {@code by} into the past; returns the grant id. */
  public static String ageGrant(String accessToken, Duration by, Part part) {
    Form form = new Form("jti", jti(accessToken)).param("by", by.toString());
    if (part != Part.ALL) {
      form.param("only", part.name().toLowerCase(java.util.Locale.ROOT));
    }
    return moved(request("/test-only/db/age-grant").post(Entity.form(form)));
  }

  /** Moves one refresh token (its expiry, issue and use) {@code by} into the past. */
  public static void ageRefreshToken(String refreshToken, Duration by) {
    moved(
        request("/test-only/db/age-refresh-token")
            .post(Entity.form(new Form("token", refreshToken).param("by", by.toString()))));
  }

  /** Makes the grant one begun before refresh families existed (its rows alone tell reuse). */
  public static void forgetRefreshFamily(String grantId) {
    moved(request("/test-only/db/grant/" + grantId + "/forget-refresh-family").post(null));
  }

  /**
   * Replaces a grant's current refresh token by one of the form issued before refresh families (no
   * dot), as if issued before V10; returns its value.
   */
  public static String legacyRefreshToken(String refreshToken) {
    return moved(
        request("/test-only/db/legacy-refresh-token")
            .post(Entity.form(new Form("token", refreshToken))));
  }

  /** Moves the SSO session with this sid {@code by} into the past. */
  public static void ageSession(String sid, Duration by) {
    moved(
        request("/test-only/db/age-session")
            .post(Entity.form(new Form("sid", sid).param("by", by.toString()))));
  }

  /** How many rows a grant has left: grant, codes, access_tokens, refresh_tokens. */
  public static JsonObject grantRows(String grantId) {
    return json(request("/test-only/db/grant/" + grantId).get());
  }

  /** When the grant's last refresh token expires (its creation if none), in epoch seconds. */
  public static long grantExpiresAt(String grantId) {
    return Long.parseLong(
        request("/test-only/db/grant/" + grantId + "/expires-at").get().readEntity(String.class));
  }

  public static long consentRows(String clientId) {
    return Long.parseLong(
        request("/test-only/db/consents/" + clientId).get().readEntity(String.class));
  }

  /** How many purge runs the server has finished. */
  public static long purgeRuns() {
    return Long.parseLong(request("/test-only/db/purge-runs").get().readEntity(String.class));
  }

  public static long sessionRows(String sid) {
    return Long.parseLong(request("/test-only/db/session/" + sid).get().readEntity(String.class));
  }

  /** The probe's answer once it moved the rows asked for; a failed test when it moved none. */
  private static String moved(Response response) {
    String body = response.hasEntity() ? response.readEntity(String.class) : "";
    assertTrue(
        response.getStatus() == 200 || response.getStatus() == 204,
        "the rows to age were not there: " + response.getStatus() + " " + body);
    return body;
  }

  private static String jti(String accessToken) {
    try {
      return SignedJWT.parse(accessToken).getJWTClaimsSet().getJWTID();
    } catch (ParseException e) {
      throw new IllegalArgumentException("not a JWT access token", e);
    }
  }
}
