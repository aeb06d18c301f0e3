/**
 * The SSO session: the login page (OpenID Connect Core §3.1.2.3 authentication), a session cookie
 * (HttpOnly, SameSite=Lax, Secure on https) whose state lives in the database, and auth_time.
 */
package dev.gatehouse.session;
