/**
 * The token endpoint (RFC 6749 §3.2, §4.1.3; OpenID Connect Core §3.1.3): grant dispatch, the
 * authorization_code grant with PKCE verification (RFC 7636 §4.6), JWT access tokens (RFC 9068), ID
 * tokens (Core §2, §3.1.3.6), opaque refresh tokens stored hashed, and the grant aggregate that
 * lets one revocation reach every token.
 */
package dev.gatehouse.token;
