/**
 * Protects any Jakarta REST API with access tokens from any OpenID Connect issuer: RFC 6750 §2.1
 * bearer tokens, RFC 9068 JWT access tokens (typ, iss, aud, exp, nbf, iat, scope), issuer metadata
 * by OpenID Connect Discovery 1.0 §4, a cached JWKS that follows key rotation (RFC 7517), and RFC
 * 6750 §3 error responses. Usable on its own: it depends only on protocol and config.
 */
package dev.gatehouse.resourceserver;
