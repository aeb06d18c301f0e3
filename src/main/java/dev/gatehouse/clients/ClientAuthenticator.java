package dev.gatehouse.clients;

import dev.gatehouse.config.ProviderSettings;
import dev.gatehouse.persistence.SecretHasher;
import dev.gatehouse.protocol.OAuthException;
import dev.gatehouse.protocol.Paths;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

/**
 * Decides whether a request's credentials prove its client's identity, by the method the client
 * registered. It runs outside any transaction, so that no database connection is held while an
 * assertion's keys are fetched from the client's jwks_uri (up to 5 s, {@link
 * PrivateKeyJwtVerifier}) or a secret is hashed; each assertion's jti is recorded in a transaction
 * of its own ({@link AssertionReplayGuard}).
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#ClientAuthentication">OpenID
 *     Connect Core §9</a>
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ClientAuthenticator {

  private static final Logger LOG = Logger.getLogger(ClientAuthenticator.class.getName());

  @Inject ClientRepository clients;
  @Inject SecretHasher hasher;
  @Inject PrivateKeyJwtVerifier assertions;
  @Inject AssertionReplayGuard replayGuard;
  @Inject ProviderSettings provider;

  Clock clock = Clock.systemUTC();

  /**
   * Authenticates the client; {@code endpointPath} is where the credentials were presented (a
   * client assertion may name that endpoint as its audience).
   */
  public AuthenticatedClient authenticate(ClientCredentials credentials, String endpointPath) {
    String clientId =
        credentials.method().equals(AuthMethods.PRIVATE_KEY_JWT) && credentials.clientId() == null
            ? PrivateKeyJwtVerifier.unverifiedIssuer(credentials.assertion())
            : credentials.clientId();
    Client client = clients.find(clientId).orElseThrow(() -> unknown(clientId));
    ClientMetadata metadata = client.metadata();
    if (!metadata.tokenEndpointAuthMethod().equals(credentials.method())) {
      throw rejected(clientId, "client registered " + metadata.tokenEndpointAuthMethod());
    }
    switch (credentials.method()) {
      case AuthMethods.CLIENT_SECRET_BASIC, AuthMethods.CLIENT_SECRET_POST ->
          checkSecret(client, credentials);
      case AuthMethods.PRIVATE_KEY_JWT -> checkAssertion(client, credentials, endpointPath);
      default -> {
        // none: a public client identifies itself only; PKCE protects what it does (RFC 7636).
      }
    }
    return new AuthenticatedClient(clientId, credentials.method(), metadata);
  }

  private void checkSecret(Client client, ClientCredentials credentials) {
    if (!hasher.matches(client.clientSecretHash(), credentials.secret())) {
      throw rejected(client.clientId(), "wrong secret");
    }
    long expiresAt = client.clientSecretExpiresAt();
    if (expiresAt != 0 && clock.instant().getEpochSecond() >= expiresAt) {
      throw rejected(client.clientId(), "secret expired");
    }
  }

  private void checkAssertion(Client client, ClientCredentials credentials, String endpointPath) {
    List<String> audiences =
        List.of(provider.issuer(), provider.endpoint(Paths.TOKEN), provider.endpoint(endpointPath));
    JwtClaims claims = assertions.verify(credentials.assertion(), client, audiences);
    Instant now = clock.instant();
    try {
      // Remembered for as long as the verifier still accepts the assertion: exp plus its skew.
      Instant acceptedUntil =
          Instant.ofEpochSecond(claims.getExpirationTime().getValue())
              .plusSeconds(PrivateKeyJwtVerifier.CLOCK_SKEW_SECONDS);
      if (!replayGuard.firstUse(client.clientId(), claims.getJwtId(), acceptedUntil, now)) {
        throw rejected(client.clientId(), "client_assertion replayed");
      }
    } catch (AssertionReplayGuard.ConcurrentUse e) {
      throw rejected(client.clientId(), "client_assertion replayed concurrently");
    } catch (MalformedClaimException e) {
      throw rejected(client.clientId(), "malformed claims");
    }
  }

  /**
   * An unregistered client_id is the caller's raw text (a form value, a Basic username, an
   * assertion's unverified iss): logged as a fingerprint only, since it could forge log lines,
   * flood the log or be a secret pasted into the wrong field. A registered one is safe to log (its
   * characters are checked at registration).
   */
  private static OAuthException unknown(String clientId) {
    return rejected(
        "(unregistered, fingerprint "
            + (clientId == null ? "none" : SecretHasher.fingerprint(clientId))
            + ")",
        "unknown client");
  }

  private static OAuthException rejected(String clientId, String why) {
    // The reason goes to the log (with the client_id, never a credential), not to the caller.
    LOG.info(() -> "Client authentication failed for client_id " + clientId + ": " + why);
    return OAuthException.invalidClient("Client authentication failed");
  }
}
