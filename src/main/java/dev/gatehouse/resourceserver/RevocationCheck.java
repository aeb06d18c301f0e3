package dev.gatehouse.resourceserver;

/**
 * Optional: says whether a token the bearer filter has verified was revoked since it was issued,
 * which a JWT alone cannot tell. Deployed beside the provider, Gatehouse supplies one for its own
 * tokens, so that revocation (RFC 7009, or reuse detection revoking a grant) takes effect at once
 * at the APIs in the same WAR. Without a bean of this type, a valid token is accepted until it
 * expires. At most one such bean may be deployed.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7009#section-2">RFC 7009 §2</a>
 */
public interface RevocationCheck {

  /**
   * Whether {@code issuer} revoked the token with this {@code jti} (null: the token has none), or
   * would not vouch for it any more.
   */
  boolean isRevoked(String issuer, String jti);
}
