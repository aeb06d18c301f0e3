/**
 * Typed access to MicroProfile Config: the only classes that read configuration. Every key and its
 * default lives in {@code META-INF/microprofile-config.properties}; see the README table.
 */
package dev.gatehouse.config;
