package dev.gatehouse.protocol;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider of the application. Each static {@code jakarta.json.Json} factory call
 * looks the provider up again, a service-loader scan of the class path: in the benchmark those
 * lookups took about a sixth of the CPU of the token and introspection endpoints. Use {@link #JSON}
 * instead.
 */
public final class JsonSupport {

  /** Thread-safe: a provider only creates readers, writers and builders. */
  public static final JsonProvider JSON = JsonProvider.provider();

  private JsonSupport() {}
}
