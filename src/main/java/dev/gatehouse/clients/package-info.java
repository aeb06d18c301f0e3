/**
 * OAuth clients and how they prove who they are: the client entity with RFC 7591 §2 metadata,
 * client authentication at the token, introspection and revocation endpoints (RFC 6749 §2.3.1
 * client_secret_basic and client_secret_post, RFC 7523 §2.2 / OpenID Connect Core §9
 * private_key_jwt, and none for public clients), and jti replay protection for client assertions.
 */
package dev.gatehouse.clients;
