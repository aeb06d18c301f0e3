/**
 * The sample protected API: uses {@code resourceserver} exactly as a user's own Jakarta REST
 * service would (RFC 6750 bearer tokens, RFC 9068 JWT access tokens).
 */
package dev.gatehouse.api;
