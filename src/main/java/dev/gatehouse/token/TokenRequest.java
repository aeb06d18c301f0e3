package dev.gatehouse.token;

import dev.gatehouse.clients.AuthenticatedClient;
import dev.gatehouse.protocol.FormBody;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;

/** A token request: the authenticated client and the form parameters. */
public record TokenRequest(AuthenticatedClient client, MultivaluedMap<String, String> form) {

  /** A parameter's single value (RFC 6749 §3.2: never repeated), or null. */
  public String param(String name) {
    return FormBody.single(form, name);
  }

  /** Every value of a parameter that may repeat (RFC 8707 {@code resource}); empty if none. */
  public List<String> params(String name) {
    return form.getOrDefault(name, List.of());
  }
}
