/**
 * The authorization endpoint: OpenID Connect Core §3.1.2 (authorization code flow), RFC 6749 §4.1,
 * RFC 7636 PKCE (S256 only), RFC 9207 iss in responses, RFC 9700 §2.1 exact redirect URI matching;
 * the consent page, remembered consent, pending requests, and single-use authorization codes.
 */
package dev.gatehouse.authorization;
