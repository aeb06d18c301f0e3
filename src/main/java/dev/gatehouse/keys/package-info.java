/**
 * Signing keys: RS256 key generation (RFC 7518 §3.3), RFC 7638 thumbprints as {@code kid}, private
 * keys encrypted at rest (JWE, RFC 7516), rotation with a pre-published next key and retired keys
 * kept until their tokens expire (OpenID Connect Core §10.1.1), and the JWK Set endpoint (RFC 7517
 * §5).
 */
package dev.gatehouse.keys;
