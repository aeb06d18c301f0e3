package dev.gatehouse.accounts;

import static dev.gatehouse.protocol.JsonSupport.JSON;

import dev.gatehouse.admin.AdminAuthenticated;
import dev.gatehouse.protocol.NoStore;
import dev.gatehouse.protocol.OAuthException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(JsonObject request) {
    var claims = JSON.createObjectBuilder();
    request.forEach(
        (name, value) -> {
          if (CLAIMS.contains(name)) {
            claims.add(name, value);
          }
        });
    Account account =
        accounts.create(
            string(request, "username"),
            string(request, "password"),
            claims.build(),
            groups(request));
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
    if (!request.containsKey("groups")) {
      return List.of();
    }
    return request.getJsonArray("groups").getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .filter(g -> g.matches("[A-Za-z0-9._:-]{1,64}"))
        .toList();
  }
}
