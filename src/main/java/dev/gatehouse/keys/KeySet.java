package dev.gatehouse.keys;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;

/**
 * An immutable snapshot of the published keys: the active signer (with its private key) and the JWK
 * Set document, rendered once so that serving it costs nothing.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7517#section-5">RFC 7517 §5</a>
 */
public record KeySet(
    PublicJsonWebKey signer,
    String jwksJson,
    List<String> publishedKids,
    List<JsonWebKey> verificationKeys) {

  private static final Logger LOG = Logger.getLogger(KeySet.class.getName());

  static final KeySet EMPTY = new KeySet(null, "{\"keys\":[]}", List.of(), List.of());

  /** Verifies signatures by any published key, in process (no JWKS fetch). */
  public VerificationKeyResolver verificationKeyResolver() {
    return new JwksVerificationKeyResolver(verificationKeys);
  }

  /** Whether a signing key with its private part is loaded. */
  public boolean canSign() {
    return signer != null;
  }

  /**
   * Builds the snapshot. The active key's private part is decrypted only when it changed since
   * {@code previous} (PBES2 is deliberately slow).
   */
  static KeySet of(List<SigningKey> keys, PrivateKeyProtector protector, KeySet previous) {
    List<SigningKey> ordered = new ArrayList<>(keys);
    // The signer first: some relying parties pick the first key when a token has no kid.
    ordered.sort(Comparator.comparingInt(KeySet::publicationRank));
    List<PublicJsonWebKey> published = new ArrayList<>();
    List<String> kids = new ArrayList<>();
    for (SigningKey key : ordered) {
      try {
        published.add(RsaKeys.readPublic(key.kid(), key.publicJwk()));
        kids.add(key.kid());
      } catch (KeyUnavailableException e) {
        LOG.severe(() -> "Not publishing signing key: " + e.getMessage());
      }
    }
    String jwks = new JsonWebKeySet(published).toJson(OutputControlLevel.PUBLIC_ONLY);
    return new KeySet(
        signer(SigningKeyService.active(keys), protector, previous),
        jwks,
        kids,
        List.copyOf(published));
  }

  private static int publicationRank(SigningKey key) {
    return switch (key.status()) {
      case ACTIVE -> 0;
      case NEXT -> 1;
      case RETIRED -> 2;
    };
  }

  private static PublicJsonWebKey signer(
      SigningKey active, PrivateKeyProtector protector, KeySet previous) {
    if (active == null) {
      return null;
    }
    if (previous.canSign() && active.kid().equals(previous.signer().getKeyId())) {
      return previous.signer();
    }
    try {
      return RsaKeys.readPrivate(active.kid(), protector.reveal(active.kid(), active.privateKey()));
    } catch (KeyUnavailableException e) {
      LOG.severe(() -> "Cannot sign: " + e.getMessage());
      return null;
    }
  }
}
