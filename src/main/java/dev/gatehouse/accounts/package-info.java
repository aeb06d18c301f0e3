/**
 * End users: accounts with an opaque stable subject (OpenID Connect Core §2 sub, never the
 * username), PBKDF2 password hashes (Jakarta Security Pbkdf2PasswordHash), the standard claims of
 * Core §5.1 and groups, login throttling and lockout, the embedded demo user, and operator
 * creation.
 */
package dev.gatehouse.accounts;
