package dev.gatehouse.clients;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches a client's {@code jwks_uri} within hard bounds: the whole exchange in {@link #DEADLINE},
 * no retry, no redirect, at most {@link #MAX_BYTES}, 200 only. A registering party chooses the URI,
 * so a slow or endless answer must not hold a token request (and its database connection) for
 * minutes, as jose4j's own fetch (20 s per read, three retries) would.
 */
final class ClientKeysFetch {

  static final Duration DEADLINE = Duration.ofSeconds(5);
  private static final Duration CONNECT = Duration.ofSeconds(3);
  static final int MAX_BYTES = 64 * 1024;

  private final Duration deadline;
  private final HttpClient http;

  ClientKeysFetch() {
    this(DEADLINE);
  }

  /** With another deadline (tests). */
  ClientKeysFetch(Duration deadline) {
    this.deadline = deadline;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(deadline.compareTo(CONNECT) < 0 ? deadline : CONNECT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** The body of a 200 answer; anything else is an IOException. */
  String get(String location) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(location))
            .timeout(deadline)
            .header("Accept", "application/json, application/jwk-set+json")
            .GET()
            .build();
    CompletableFuture<HttpResponse<InputStream>> sent =
        http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
    CompletableFuture<String> read = sent.thenApply(ClientKeysFetch::readLimited);
    try {
      return read.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      sent.thenAccept(response -> closeQuietly(response.body()));
      sent.cancel(true);
      throw new IOException("the client's jwks_uri did not answer within " + deadline);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted fetching the client's jwks_uri");
    } catch (ExecutionException e) {
      throw new IOException("cannot fetch the client's jwks_uri", e.getCause());
    }
  }

  private static String readLimited(HttpResponse<InputStream> response) {
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new IllegalStateException("HTTP " + response.statusCode() + " from the jwks_uri");
      }
      byte[] bytes = body.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new IllegalStateException("the client's JWK Set is larger than " + MAX_BYTES);
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the client's JWK Set", e);
    }
  }

  private static void closeQuietly(InputStream body) {
    try {
      body.close();
    } catch (IOException e) {
      // Already failed; nothing more to release.
    }
  }
}
