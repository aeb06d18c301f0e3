/**
 * MicroProfile Health 4.0 checks, served by Payara at {@code /health/live} and {@code
 * /health/ready}: the database answers and an active signing key is loaded; and the token lifecycle
 * as MicroProfile Metrics at {@code /metrics?scope=application}.
 */
package dev.gatehouse.health;
