package dev.gatehouse.keys;

/**
 * A private JWK as stored: either its JSON in clear ({@link #NONE}) or a compact JWE whose
 * algorithm names the protection.
 */
record ProtectedPrivateKey(String value, String protection) {

  static final String NONE = "none";

  boolean isEncrypted() {
    return !NONE.equals(protection);
  }
}
