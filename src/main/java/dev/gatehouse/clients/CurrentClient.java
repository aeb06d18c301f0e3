package dev.gatehouse.clients;

import jakarta.enterprise.context.RequestScoped;

/** The client the current request authenticated as (set by {@link ClientAuthenticationFilter}). */
@RequestScoped
public class CurrentClient {

  private AuthenticatedClient client;

  void set(AuthenticatedClient client) {
    this.client = client;
  }

  public AuthenticatedClient get() {
    if (client == null) {
      throw new IllegalStateException("No client authenticated on this request");
    }
    return client;
  }
}
