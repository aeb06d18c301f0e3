/**
 * Protocol plumbing shared by every endpoint: the typed OAuth error (RFC 6749 §5.2, RFC 6750 §3),
 * its single exception mapper, the catch-all server_error mapper, and cross-cutting response
 * filters (no-store, security headers). Depends on no other feature.
 */
package dev.gatehouse.protocol;
