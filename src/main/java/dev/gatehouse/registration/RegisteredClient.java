package dev.gatehouse.registration;

import dev.gatehouse.clients.Client;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * A client information response (RFC 7591 §3.2.1, RFC 7592 §3): the client, and the credentials
 * issued by this very operation, which are shown now and never again.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7592#section-3">RFC 7592 §3</a>
 */
public record RegisteredClient(Client client, String newSecret, String registrationAccessToken) {

  JsonObject toJson(String registrationClientUri) {
    JsonObjectBuilder json = client.metadata().toJson();
    json.add("client_id", client.clientId());
    if (newSecret != null) {
      json.add("client_secret", newSecret);
    }
    json.add("client_id_issued_at", client.issuedAt().getEpochSecond());
    if (client.hasSecret()) {
      json.add("client_secret_expires_at", client.clientSecretExpiresAt());
    }
    // Null on an operator's update: the client's token stays valid, and only its hash is kept.
    if (registrationAccessToken != null) {
      json.add("registration_access_token", registrationAccessToken);
    }
    json.add("registration_client_uri", registrationClientUri);
    return json.build();
  }
}
