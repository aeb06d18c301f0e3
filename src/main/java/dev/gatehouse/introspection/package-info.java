/**
 * Token introspection (RFC 7662 §2): client authentication required, {@code {"active": false}} and
 * nothing else for any token the caller may not see or that is not active (§2.2), and which clients
 * may introspect other clients' access tokens (§4).
 */
package dev.gatehouse.introspection;
