package dev.gatehouse.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.config.ProviderSettings;
import dev.gatehouse.keys.KeyRing;
import dev.gatehouse.keys.KeySet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

/**
 * Which tokens the verifier takes for this provider's access tokens: {@link
 * AccessTokenVerifier#verify} for active ones, {@link AccessTokenVerifier#issuedTo} for the client
 * of one in any state (expired, revoked, record purged), and neither for an ID token, another
 * issuer's token, an unpublished key's or an unsigned one.
 */
class AccessTokenVerifierTest {

  private static final String ISSUER = "https://id.example";

  private final RsaJsonWebKey published = rsaKey("published");
  private final RsaJsonWebKey unpublished = rsaKey("unpublished");
  private final List<String> activeJtis = new ArrayList<>();
  private final AccessTokenVerifier verifier = new AccessTokenVerifier();

  AccessTokenVerifierTest() {
    KeySet keys = new KeySet(published, "", List.of("published"), List.of(published));
    verifier.keyRing =
        new KeyRing() {
          @Override
          public KeySet current() {
            return keys;
          }

          @Override
          public VerificationKeyResolver verificationKeyResolver() {
            return keys.verificationKeyResolver();
          }
        };
    verifier.provider = new ProviderSettings(ISSUER);
    verifier.records =
        new AccessTokenRepository() {
          @Override
          boolean isActive(String jti, Instant now) {
            return activeJtis.contains(jti);
          }
        };
  }

  @Test
  void issuedToWhenOwnAccessTokenThenItsClientWhateverItsState() {
    assertEquals(Optional.of("web-app"), verifier.issuedTo(sign(accessClaims(600), "at+jwt")));
    assertEquals(
        Optional.of("web-app"),
        verifier.issuedTo(sign(accessClaims(-3600), "at+jwt")),
        "expired an hour ago");
    assertEquals(
        Optional.of("web-app"),
        verifier.issuedTo(sign(accessClaims(600), "JWT")),
        "the mp-jwt profile's typ");
  }

  @Test
  void issuedToWhenNotThisProvidersAccessTokenThenEmpty() {
    JwtClaims otherIssuer = accessClaims(600);
    otherIssuer.setIssuer("https://evil.example");
    JwtClaims noJti = accessClaims(600);
    noJti.unsetClaim("jti");
    JwtClaims noClientId = accessClaims(600);
    noClientId.unsetClaim("client_id");

    assertEquals(Optional.empty(), verifier.issuedTo(sign(otherIssuer, "at+jwt")), "issuer");
    assertEquals(Optional.empty(), verifier.issuedTo(sign(noJti, "JWT")), "an ID token has no jti");
    assertEquals(Optional.empty(), verifier.issuedTo(sign(noClientId, "at+jwt")), "no client_id");
    assertEquals(Optional.empty(), verifier.issuedTo(sign(accessClaims(600), "logout+jwt")), "typ");
    assertEquals(
        Optional.empty(),
        verifier.issuedTo(sign(accessClaims(600), "at+jwt", unpublished)),
        "a key this provider does not publish");
    assertEquals(Optional.empty(), verifier.issuedTo(hs256(accessClaims(600))), "HS256");
    assertEquals(Optional.empty(), verifier.issuedTo(unsigned(accessClaims(600))), "alg none");
    assertEquals(Optional.empty(), verifier.issuedTo("not.a.jwt"));
    assertEquals(Optional.empty(), verifier.issuedTo(null));
    assertEquals(Optional.empty(), verifier.issuedTo("a".repeat(8193)), "longer than any token");
  }

  @Test
  void verifyWhenRecordedActiveAndUnexpiredThenClaims() throws Exception {
    JwtClaims claims = accessClaims(600);
    activeJtis.add(claims.getJwtId());

    Optional<JwtClaims> verified = verifier.verify(sign(claims, "at+jwt"));

    assertTrue(verified.isPresent());
    assertEquals("web-app", verified.get().getStringClaimValue("client_id"));
  }

  @Test
  void verifyWhenRevokedExpiredOrForeignThenEmptyThoughIssuedToStillNamesTheClient()
      throws Exception {
    JwtClaims revoked = accessClaims(600);
    JwtClaims expired = accessClaims(-1);
    activeJtis.add(expired.getJwtId());
    JwtClaims otherIssuer = accessClaims(600);
    otherIssuer.setIssuer("https://evil.example");
    activeJtis.add(otherIssuer.getJwtId());

    assertEquals(Optional.empty(), verifier.verify(sign(revoked, "at+jwt")), "not active");
    assertEquals(Optional.of("web-app"), verifier.issuedTo(sign(revoked, "at+jwt")));
    assertEquals(
        Optional.empty(),
        verifier.verify(sign(expired, "at+jwt")),
        "expired a second ago: no clock skew for exp");
    assertEquals(Optional.empty(), verifier.verify(sign(otherIssuer, "at+jwt")));
    JwtClaims recordedButForeignKey = accessClaims(600);
    activeJtis.add(recordedButForeignKey.getJwtId());
    assertEquals(
        Optional.empty(),
        verifier.verify(sign(recordedButForeignKey, "at+jwt", unpublished)),
        "a key this provider does not publish, though its jti is recorded active");
  }

  private static JwtClaims accessClaims(long secondsToExpiry) {
    long now = Instant.now().getEpochSecond();
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(ISSUER);
    claims.setSubject("alice");
    claims.setAudience("https://api.example");
    claims.setClaim("client_id", "web-app");
    claims.setIssuedAt(NumericDate.fromSeconds(now - 60));
    claims.setExpirationTime(NumericDate.fromSeconds(now + secondsToExpiry));
    claims.setGeneratedJwtId();
    return claims;
  }

  private String sign(JwtClaims claims, String typ) {
    return sign(claims, typ, published);
  }

  private static String sign(JwtClaims claims, String typ, RsaJsonWebKey key) {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setKeyIdHeaderValue(key.getKeyId());
    jws.setHeader("typ", typ);
    jws.setKey(key.getPrivateKey());
    return serialize(jws);
  }

  private static String hs256(JwtClaims claims) {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
    jws.setKeyIdHeaderValue("published");
    jws.setHeader("typ", "at+jwt");
    jws.setKey(new HmacKey(new byte[32]));
    return serialize(jws);
  }

  private static String unsigned(JwtClaims claims) {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
    jws.setHeader("typ", "at+jwt");
    jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
    return serialize(jws);
  }

  private static String serialize(JsonWebSignature jws) {
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RsaJsonWebKey rsaKey(String kid) {
    try {
      RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
      key.setKeyId(kid);
      return key;
    } catch (JoseException e) {
      throw new IllegalStateException(e);
    }
  }
}
