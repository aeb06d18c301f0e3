package dev.gatehouse.clients;

import dev.gatehouse.protocol.FormBody;
import dev.gatehouse.protocol.OAuthException;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Base64;
import java.util.Locale;

/**
 * What a request presented to authenticate its client, parsed from the Authorization header and the
 * form body. Exactly one method may be used.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-2.3.1">RFC 6749 §2.3.1</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7521#section-4.2">RFC 7521 §4.2</a>
 */
public record ClientCredentials(
    String method, String clientId, String secret, String assertion, boolean headerUsed) {

  public static final String CLIENT_ID = "client_id";
  public static final String CLIENT_SECRET = "client_secret";
  public static final String CLIENT_ASSERTION = "client_assertion";
  public static final String CLIENT_ASSERTION_TYPE = "client_assertion_type";
  public static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  /** Parses and checks that exactly one authentication method is present. */
  public static ClientCredentials from(String authorization, MultivaluedMap<String, String> form) {
    String formId = FormBody.single(form, CLIENT_ID);
    String formSecret = FormBody.single(form, CLIENT_SECRET);
    String assertion = FormBody.single(form, CLIENT_ASSERTION);
    String assertionType = FormBody.single(form, CLIENT_ASSERTION_TYPE);
    boolean basic = authorization != null && !authorization.isBlank();
    int methods = (basic ? 1 : 0) + (formSecret != null ? 1 : 0) + (assertion != null ? 1 : 0);
    if (methods > 1) {
      throw OAuthException.invalidRequest("More than one client authentication method was used");
    }
    if (basic) {
      return basic(authorization, formId);
    }
    if (assertion != null) {
      if (!JWT_BEARER.equals(assertionType)) {
        throw OAuthException.invalidRequest("client_assertion_type must be " + JWT_BEARER);
      }
      return new ClientCredentials(AuthMethods.PRIVATE_KEY_JWT, formId, null, assertion, false);
    }
    if (formId == null || formId.isEmpty()) {
      throw OAuthException.invalidClient("Client authentication is required");
    }
    if (formSecret != null) {
      return new ClientCredentials(AuthMethods.CLIENT_SECRET_POST, formId, formSecret, null, false);
    }
    return new ClientCredentials(AuthMethods.NONE, formId, null, null, false);
  }

  /** RFC 6749 §2.3.1: id and secret are form-urlencoded before they are joined and base64ed. */
  private static ClientCredentials basic(String authorization, String formId) {
    if (!authorization.toLowerCase(Locale.ROOT).startsWith("basic ")) {
      throw new OAuthException(
          dev.gatehouse.protocol.OAuthError.INVALID_CLIENT,
          "Unsupported authentication scheme for client authentication");
    }
    String decoded;
    try {
      decoded = FormBody.utf8(Base64.getDecoder().decode(authorization.substring(6).trim()));
    } catch (IllegalArgumentException e) {
      throw OAuthException.invalidClient("Malformed Basic credentials");
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      throw OAuthException.invalidClient("Malformed Basic credentials");
    }
    String id;
    String secret;
    try {
      id = FormBody.decode(decoded.substring(0, colon));
      secret = FormBody.decode(decoded.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      throw OAuthException.invalidClient("Malformed Basic credentials");
    }
    if (formId != null && !formId.equals(id)) {
      throw OAuthException.invalidRequest("client_id differs from the Basic credentials");
    }
    return new ClientCredentials(AuthMethods.CLIENT_SECRET_BASIC, id, secret, null, true);
  }
}
