/**
 * Dynamic client registration: RFC 7591 §2-3 and OpenID Connect Dynamic Client Registration 1.0
 * §2-3 ({@code POST /register}), RFC 7592 §2 management (read, update, delete at the
 * registration_client_uri), the registration policy (open or initial access token), and the
 * operator's way to create clients without dynamic registration.
 */
package dev.gatehouse.registration;
