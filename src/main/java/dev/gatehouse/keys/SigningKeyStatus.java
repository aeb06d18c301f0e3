package dev.gatehouse.keys;

/**
 * Life cycle of a signing key: published ahead of use, then signing, then published for
 * verification only until every token it signed has expired.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#RotateSigKeys">OpenID Connect
 *     Core §10.1.1</a>
 */
public enum SigningKeyStatus {
  NEXT,
  ACTIVE,
  RETIRED
}
