package dev.gatehouse.userinfo;

import dev.gatehouse.protocol.BearerChallengeException;
import dev.gatehouse.protocol.BearerTokens;
import dev.gatehouse.protocol.ContentTypes;
import dev.gatehouse.protocol.CrossOrigin;
import dev.gatehouse.protocol.FormBody;
import dev.gatehouse.protocol.NoStore;
import dev.gatehouse.protocol.Paths;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.InputStream;
import java.util.List;

/**
 * The UserInfo endpoint: GET or POST with the token in the Authorization header, or POST with it in
 * the form body (RFC 6750 §2.2); never both. Errors per RFC 6750 §3 in {@code WWW-Authenticate}.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#UserInfo">OpenID Connect Core
 *     §5.3</a>
 */
@RequestScoped
@Path(Paths.USERINFO)
@NoStore
@Produces(MediaType.APPLICATION_JSON)
public class UserInfoEndpoint {

  @Inject UserInfoService service;
  @Context HttpHeaders headers;

  @GET
  public JsonObject get() {
    return service.userInfo(
        headerToken().orElseThrow(BearerChallengeException::missingToken), origin());
  }

  @POST
  public JsonObject post(InputStream body) {
    var header = headerToken();
    MediaType type = headers.getMediaType();
    boolean form = ContentTypes.is(type, MediaType.APPLICATION_FORM_URLENCODED_TYPE);
    // Another body is not read at all; a form one only up to the limit.
    MultivaluedMap<String, String> params =
        form ? FormBody.parse(FormBody.readLimited(body)) : FormBody.parse("");
    List<String> bodyTokens = params.getOrDefault("access_token", List.of());
    if (bodyTokens.size() > 1) {
      throw BearerChallengeException.invalidRequest("Parameter access_token is repeated");
    }
    String bodyToken = bodyTokens.isEmpty() ? null : bodyTokens.get(0);
    if (header.isPresent() && bodyToken != null) {
      throw BearerChallengeException.invalidRequest("Use only one method to send the access token");
    }
    String token = header.orElse(bodyToken);
    if (token == null) {
      throw BearerChallengeException.missingToken();
    }
    return service.userInfo(token, origin());
  }

  private String origin() {
    return headers.getHeaderString(CrossOrigin.ORIGIN);
  }

  private java.util.Optional<String> headerToken() {
    return BearerTokens.accessToken(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
  }
}
