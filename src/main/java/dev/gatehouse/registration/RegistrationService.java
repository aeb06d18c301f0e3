package dev.gatehouse.registration;

import dev.gatehouse.authorization.ConsentRepository;
import dev.gatehouse.clients.AuthMethods;
import dev.gatehouse.clients.Client;
import dev.gatehouse.clients.ClientMetadata;
import dev.gatehouse.clients.ClientRepository;
import dev.gatehouse.config.RegistrationSettings;
import dev.gatehouse.persistence.SecretHasher;
import dev.gatehouse.protocol.OAuthException;
import dev.gatehouse.protocol.RandomTokens;
import dev.gatehouse.token.GrantRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Creates, reads, updates and deletes clients. Secrets and registration access tokens are random
 * 256-bit values, returned once and stored as hashes; the registration access token is replaced on
 * every read and update, since only its hash is kept.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7591#section-3">RFC 7591 §3</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7592#section-2">RFC 7592 §2</a>
 */
@Stateless
public class RegistrationService {

  private static final Logger LOG = Logger.getLogger(RegistrationService.class.getName());
  // Operator-chosen ids: URL-safe, and never shaped like the UUID subjects given to users
  // (RFC 9700 §4.15.1: a client_id must not be mistaken for a user's sub).
  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._~-]{3,128}");
  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  @Inject ClientRepository clients;
  @Inject SecretHasher hasher;
  @Inject GrantRepository grants;
  @Inject ConsentRepository consents;
  @Inject RegistrationSettings settings;

  Clock clock = Clock.systemUTC();

  /**
   * Dynamic registration: the provider chooses the client_id. The caller was admitted by {@link
   * RegistrationPolicy}, so when an initial access token is configured, the caller presented it.
   */
  public RegisteredClient register(JsonObject request) {
    ClientMetadata metadata = ClientMetadataValidator.validate(request);
    SelfServiceLimits.checkRegistration(metadata, gated());
    return create(metadata, RandomTokens.base64url(18), Client.Origin.REGISTERED);
  }

  /** An operator creates a client, optionally choosing its client_id. */
  public RegisteredClient configure(JsonObject request, String clientId) {
    String id = clientId == null ? RandomTokens.base64url(18) : clientId;
    if (!CLIENT_ID.matcher(id).matches() || UUID.matcher(id).matches()) {
      throw OAuthException.invalidClientMetadata(
          "client_id must be 3-128 characters of A-Z a-z 0-9 . _ ~ - and not a UUID");
    }
    if (clients.find(id).isPresent()) {
      throw OAuthException.invalidClientMetadata("client_id " + id + " already exists");
    }
    ClientMetadata metadata = ClientMetadataValidator.validate(request);
    // The id may have been deleted before: a grant or consent committed beside that deletion
    // escaped it, and would come back to life with the new client. They end now.
    endGrantsAndConsentsOf(id);
    return create(metadata, id, Client.Origin.CONFIGURED);
  }

  public RegisteredClient read(String clientId, String registrationAccessToken) {
    Client client = authorize(clientId, registrationAccessToken);
    return new RegisteredClient(client, null, rotateRegistrationToken(client));
  }

  /**
   * RFC 7592 §2.2: the request replaces all metadata; omitted values fall back to defaults. The
   * client's own registration access token cannot widen what it gets without a user ({@link
   * SelfServiceLimits}).
   */
  public RegisteredClient update(
      String clientId, String registrationAccessToken, JsonObject request) {
    return replace(authorize(clientId, registrationAccessToken), request, true);
  }

  /**
   * The operator replaces a client's metadata, as in RFC 7592 §2.2 but without limits; empty if the
   * client is unknown.
   */
  public Optional<RegisteredClient> reconfigure(String clientId, JsonObject request) {
    return clients.findForUpdate(clientId).map(client -> replace(client, request, false));
  }

  private RegisteredClient replace(Client client, JsonObject request, boolean selfService) {
    String clientId = client.clientId();
    if (!clientId.equals(request.getString("client_id", null))) {
      throw OAuthException.invalidClientMetadata("client_id in the body must be the client's own");
    }
    String presentedSecret = request.getString("client_secret", null);
    if (presentedSecret != null && !hasher.matches(client.clientSecretHash(), presentedSecret)) {
      throw OAuthException.invalidClientMetadata("client_secret does not match the current secret");
    }
    ClientMetadata metadata = ClientMetadataValidator.validate(request);
    if (selfService) {
      SelfServiceLimits.checkUpdate(client.metadata(), metadata);
    }
    boolean hadSecret = client.hasSecret();
    client.replaceMetadata(metadata, clock.instant());
    String newSecret = null;
    if (AuthMethods.usesSecret(metadata.tokenEndpointAuthMethod()) && !hadSecret) {
      newSecret = issueSecret(client);
    }
    LOG.info(() -> "Client " + clientId + " updated" + (selfService ? "" : " by the operator"));
    // The operator's update leaves the client's registration access token as it is.
    return new RegisteredClient(
        client, newSecret, selfService ? rotateRegistrationToken(client) : null);
  }

  public void delete(String clientId, String registrationAccessToken) {
    remove(authorize(clientId, registrationAccessToken));
  }

  /** The operator deletes a client; false if it is unknown. */
  public boolean deleteConfigured(String clientId) {
    Optional<Client> client = clients.findForUpdate(clientId);
    client.ifPresent(this::remove);
    return client.isPresent();
  }

  private void remove(Client client) {
    String clientId = client.clientId();
    // RFC 7592 §2.3: the client's grants and tokens go with it, and the consents given to it (a
    // client registered later under the same client_id must ask again).
    int revoked = endGrantsAndConsentsOf(clientId);
    clients.delete(client);
    LOG.info(() -> "Client " + clientId + " deleted; " + revoked + " grants revoked");
  }

  /** Revokes the grants of the client_id and forgets the consents given to it. */
  private int endGrantsAndConsentsOf(String clientId) {
    int revoked = grants.revokeAllOfClient(clientId, clock.instant());
    consents.forgetClient(clientId);
    return revoked;
  }

  /** Whether registration requires the operator's initial access token. */
  private boolean gated() {
    return settings.initialAccessToken().isPresent();
  }

  private RegisteredClient create(ClientMetadata metadata, String clientId, Client.Origin origin) {
    Client client = new Client(clientId, metadata, origin, clock.instant());
    String secret =
        AuthMethods.usesSecret(metadata.tokenEndpointAuthMethod()) ? issueSecret(client) : null;
    String token = rotateRegistrationToken(client);
    if (!clients.persistNew(client)) {
      throw OAuthException.invalidClientMetadata("client_id " + clientId + " already exists");
    }
    LOG.info(
        () ->
            "Client "
                + clientId
                + " created ("
                + origin
                + ", "
                + metadata.tokenEndpointAuthMethod()
                + ")");
    return new RegisteredClient(client, secret, token);
  }

  /**
   * The client whose registration access token this is (RFC 7592 §3: an unknown client or a wrong
   * token are both 401 invalid_token), locked for the change to come: each read rotates the token,
   * so two requests with the same token take turns and the second finds it spent rather than
   * failing on the first one's write. The token is checked before the lock too, so that requests
   * without the right one never queue on the row.
   */
  private Client authorize(String clientId, String registrationAccessToken) {
    Optional<Client> unlocked =
        clients
            .find(clientId)
            .filter(c -> hasher.matches(c.registrationTokenHash(), registrationAccessToken));
    // Read anew under the lock: locking the copy read first would check its version, and fail
    // when another request rotated the token since.
    unlocked.ifPresent(clients::detach);
    return unlocked
        .flatMap(c -> clients.findForUpdate(clientId))
        .filter(c -> hasher.matches(c.registrationTokenHash(), registrationAccessToken))
        .orElseThrow(
            () -> OAuthException.invalidToken("The registration access token is not valid"));
  }

  private String issueSecret(Client client) {
    String secret = RandomTokens.base64url(32);
    client.setSecretHash(hasher.hash(secret));
    return secret;
  }

  private String rotateRegistrationToken(Client client) {
    String token = RandomTokens.base64url(32);
    client.setRegistrationTokenHash(hasher.hash(token));
    return token;
  }
}
