package dev.gatehouse.persistence;

import dev.gatehouse.config.SecretSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hashes issued credentials for storage: HMAC-SHA-256 with a server-side key when one is
 * configured, SHA-256 otherwise. These are 256-bit random values, so a fast hash is right (a slow
 * password hash would cost milliseconds per token request). Each stored hash names its scheme, so
 * verification keeps working after the key is introduced.
 */
@ApplicationScoped
public class SecretHasher {

  static final String HMAC = "hmac-sha256:";
  static final String PLAIN = "sha256:";

  @Inject SecretSettings settings;

  private Optional<byte[]> key = Optional.empty();

  public SecretHasher() {}

  /** For tests: a hasher with the given key (null for none). */
  public SecretHasher(String hmacKey) {
    key = Optional.ofNullable(hmacKey).map(k -> k.getBytes(StandardCharsets.UTF_8));
  }

  @PostConstruct
  void init() {
    key = settings.hmacKey().map(k -> k.getBytes(StandardCharsets.UTF_8));
  }

  /** The value to store. */
  public String hash(String secret) {
    return key.map(k -> HMAC + encode(hmac(k, secret)))
        .orElseGet(() -> PLAIN + encode(sha256(secret)));
  }

  /** Whether {@code presented} is the secret behind {@code stored}, in constant time. */
  public boolean matches(String stored, String presented) {
    if (stored == null || presented == null) {
      return false;
    }
    byte[] expected;
    byte[] actual;
    if (stored.startsWith(HMAC) && key.isPresent()) {
      expected = decode(stored.substring(HMAC.length()));
      actual = hmac(key.get(), presented);
    } else if (stored.startsWith(PLAIN)) {
      expected = decode(stored.substring(PLAIN.length()));
      actual = sha256(presented);
    } else {
      return false;
    }
    return MessageDigest.isEqual(expected, actual);
  }

  /** A short, non-reversible fingerprint of a value for logs (never log the value itself). */
  public static String fingerprint(String value) {
    return encode(sha256(value)).substring(0, 8);
  }

  /** The full SHA-256 of a value, base64url: a fixed-size key for values of any length. */
  public static String fingerprintFull(String value) {
    return encode(sha256(value));
  }

  static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encode(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static byte[] decode(String value) {
    try {
      return Base64.getUrlDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }
}
