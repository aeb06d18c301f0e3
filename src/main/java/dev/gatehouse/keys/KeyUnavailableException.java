package dev.gatehouse.keys;

/** A stored private key that cannot be used: missing or wrong secret, or tampered data. */
class KeyUnavailableException extends Exception {

  private static final long serialVersionUID = 1L;

  KeyUnavailableException(String message) {
    super(message);
  }
}
