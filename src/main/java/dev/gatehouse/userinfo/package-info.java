/**
 * User claims by granted scope (OpenID Connect Core §5.4: profile, email, address, phone), shared
 * by ID tokens and the UserInfo endpoint (Core §5.3).
 */
package dev.gatehouse.userinfo;
