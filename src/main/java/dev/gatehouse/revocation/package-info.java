/**
 * Token revocation (RFC 7009 §2): client authentication, 200 for unknown tokens too (§2.2), the
 * token_type_hint as a hint only (§2.1); revoking a refresh token revokes its whole grant.
 */
package dev.gatehouse.revocation;
