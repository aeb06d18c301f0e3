/**
 * Provider metadata: OpenID Connect Discovery 1.0 §3-4 ({@code /.well-known/openid-configuration})
 * and RFC 8414 §2-3 ({@code /.well-known/oauth-authorization-server}), advertising only what is
 * implemented; and the provider's HTML home page.
 */
package dev.gatehouse.discovery;
