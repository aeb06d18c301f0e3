package dev.gatehouse.clients;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * The client the current request authenticated as, and the form parameters of the request, parsed
 * once (set by {@link ClientAuthenticationFilter}).
 */
@RequestScoped
public class CurrentClient {

  private AuthenticatedClient client;
  private MultivaluedMap<String, String> form;

  void set(AuthenticatedClient client, MultivaluedMap<String, String> form) {
    this.client = client;
    this.form = form;
  }

  public AuthenticatedClient get() {
    if (client == null) {
      throw new IllegalStateException("No client authenticated on this request");
    }
    return client;
  }

  /** The request's form parameters, as {@link dev.gatehouse.protocol.FormBody} parses them. */
  public MultivaluedMap<String, String> form() {
    get();
    return form;
  }
}
