/**
 * Protection for operator endpoints: a bearer token from configuration (RFC 6750 §2.1), compared in
 * constant time; with no token configured the admin endpoints do not exist (404).
 */
package dev.gatehouse.admin;
