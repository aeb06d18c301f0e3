package dev.gatehouse.registration;

import dev.gatehouse.clients.ClientMetadata;
import dev.gatehouse.protocol.OAuthException;
import dev.gatehouse.protocol.PublicAddresses;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a client cannot give itself through registration (RFC 7591 §5: its metadata is
 * self-asserted). The client_credentials grant gets the client's registered API scopes with no user
 * to consent, so it comes only from the operator: at {@code /admin/clients}, or through {@code
 * /register} when registration requires the operator's initial access token. And no update (RFC
 * 7592 §2.2, authorized by the client's own registration access token) adds the grant, or adds API
 * scopes or resources to a client that has it. User scopes (openid, profile, ...) are open to every
 * client anyway, and a user consents to them. And a registrant's jwks_uri, which this server
 * fetches, must be on a public host ({@link PublicAddresses}; checked again, resolved, at each
 * fetch): the operator's clients may keep their keys on internal hosts.
 */
final class SelfServiceLimits {

  static final String CLIENT_CREDENTIALS = "client_credentials";

  private SelfServiceLimits() {}

  /** A registration at {@code /register}; {@code gated}: it presented the initial access token. */
  static void checkRegistration(ClientMetadata requested, boolean gated) {
    checkKeysLocation(requested);
    if (requested.allowsGrant(CLIENT_CREDENTIALS) && !gated) {
      throw machineGrantRefused();
    }
    // Not even with the initial access token: the audiences a client's tokens may have are the
    // operator's to name, else a registrant could mint tokens for any API it names.
    if (!requested.resources().isEmpty()) {
      throw OAuthException.invalidClientMetadata(
          "resources are set by the operator, at /admin/clients");
    }
  }

  /**
   * An update at {@code /register/{client_id}} of the client now registered as {@code current}. It
   * is authorized by the client's own registration access token, never by the operator's initial
   * access token, so it cannot add the grant in any registration mode (else a client could widen
   * its scopes without the grant, then take the grant back).
   */
  static void checkUpdate(ClientMetadata current, ClientMetadata requested) {
    checkKeysLocation(requested);
    if (!requested.allowsGrant(CLIENT_CREDENTIALS)) {
      return;
    }
    if (!current.allowsGrant(CLIENT_CREDENTIALS)) {
      throw OAuthException.invalidClientMetadata(
          "An update cannot add client_credentials; the operator can, at /admin/clients/{client_id}");
    }
    Set<String> added = new LinkedHashSet<>(ClientMetadata.apiScopes(requested.scope()));
    added.removeAll(ClientMetadata.apiScopes(current.scope()));
    if (!added.isEmpty()) {
      throw OAuthException.invalidClientMetadata(
          "An update cannot add scopes to a client_credentials client ("
              + String.join(" ", added)
              + "); the operator can, at /admin/clients/{client_id}");
    }
    // Without a list of its own the client may ask for every resource the operator configured: an
    // update may narrow its own list, never drop it or add to it.
    if (!current.resources().containsAll(requested.resources())
        || (requested.resources().isEmpty() && !current.resources().isEmpty())) {
      throw OAuthException.invalidClientMetadata(
          "An update cannot add resources to a client_credentials client, nor remove its list;"
              + " the operator can, at /admin/clients/{client_id}");
    }
  }

  private static void checkKeysLocation(ClientMetadata requested) {
    if (requested.jwksUri() != null && PublicAddresses.namesNonPublicHost(requested.jwksUri())) {
      throw OAuthException.invalidClientMetadata(
          "jwks_uri must be on a public host (the operator can register others, at"
              + " /admin/clients)");
    }
  }

  private static OAuthException machineGrantRefused() {
    return OAuthException.invalidClientMetadata(
        "client_credentials clients are created by the operator (at /admin/clients, or through"
            + " /register with the initial access token)");
  }
}
