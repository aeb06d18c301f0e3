package dev.gatehouse.accounts;

import static dev.gatehouse.protocol.JsonSupport.JSON;

import dev.gatehouse.admin.AdminAuthenticated;
import dev.gatehouse.protocol.JsonBodies;
import dev.gatehouse.protocol.NoStore;
import dev.gatehouse.protocol.OAuthException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import java.util.Set;

/**
 * Operator creation of end users: {@code POST /admin/users} with username, password, standard
 * claims (OpenID Connect Core §5.1) and groups. Guarded by the admin token.
 */
@RequestScoped
@Path("/admin/users")
@AdminAuthenticated
@NoStore
@Produces(MediaType.APPLICATION_JSON)
public class AccountAdminEndpoint {

  static final Set<String> CLAIMS =
      Set.of(
          "name",
          "given_name",
          "family_name",
          "email",
          "email_verified",
          "phone_number",
          "phone_number_verified",
          "address",
          "locale",
          "picture",
          "preferred_username");

  @Inject AccountService accounts;
  @Context HttpHeaders headers;

  @POST
  public Response create(InputStream body) {
    JsonObject request =
        JsonBodies.readObject(headers.getMediaType(), body, OAuthException::invalidRequest);
    var claims = JSON.createObjectBuilder();
    request.forEach(
        (name, value) -> {
          if (CLAIMS.contains(name)) {
            claims.add(name, value);
          }
        });
    JsonObject stored = claims.build();
    if (stored.toString().length() > Account.MAX_CLAIMS_LENGTH) {
      throw OAuthException.invalidRequest(
          "The claims take more than " + Account.MAX_CLAIMS_LENGTH + " characters");
    }
    Account account =
        accounts.create(
            string(request, "username"), string(request, "password"), stored, groups(request));
    return Response.status(201)
        .entity(
            JSON.createObjectBuilder()
                .add("sub", account.subject())
                .add("username", account.username())
                .build())
        .build();
  }

  private static String string(JsonObject request, String name) {
    JsonValue value = request.get(name);
    if (!(value instanceof JsonString s)) {
      throw OAuthException.invalidRequest(name + " is required");
    }
    return s.getString();
  }

  private static List<String> groups(JsonObject request) {
    JsonValue value = request.get("groups");
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)
        || !array.stream().allMatch(JsonString.class::isInstance)) {
      throw OAuthException.invalidRequest("groups must be an array of strings");
    }
    List<String> groups =
        array.getValuesAs(JsonString.class).stream()
            .map(JsonString::getString)
            .filter(g -> g.matches("[A-Za-z0-9._:-]{1,64}"))
            .toList();
    if (String.join(" ", groups).length() > Account.MAX_GROUPS_LENGTH) {
      throw OAuthException.invalidRequest(
          "The groups take more than " + Account.MAX_GROUPS_LENGTH + " characters");
    }
    return groups;
  }
}
