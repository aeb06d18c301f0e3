/**
 * Cross-cutting persistence: the embedded H2 datasource definition and the Flyway schema migrations
 * that run before anything touches the database. Entities live in the feature that owns them.
 */
package dev.gatehouse.persistence;
