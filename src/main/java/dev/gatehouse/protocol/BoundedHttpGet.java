package dev.gatehouse.protocol;

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
 * Fetches a remote party's document (a client's {@code jwks_uri}, a trusted issuer's discovery
 * document and keys) within hard bounds: the whole exchange, body included, in {@link #DEADLINE};
 * no retry, no redirect, at most {@link #MAX_BYTES}, 200 only. A registering party chooses a
 * jwks_uri, and an issuer may stall, so a slow or endless answer must not hold a request (and its
 * database connection) for minutes, as jose4j's own fetch (20 s per read, three retries) would or a
 * JDK request timeout (which ends at the response headers) would not prevent. The fetcher for
 * self-registered parties' URLs ({@link #publicHostsOnly()}) fetches from public hosts only ({@link
 * PublicAddresses}).
 */
public final class BoundedHttpGet {

  static final Duration DEADLINE = Duration.ofSeconds(5);
  private static final Duration CONNECT = Duration.ofSeconds(3);
  static final int MAX_BYTES = 64 * 1024;

  private final Duration deadline;
  private final boolean publicOnly;
  private final HttpClient http;

  /** Fetches from any host (URLs the operator configured). */
  public BoundedHttpGet() {
    this(DEADLINE, false);
  }

  /** Fetches from public hosts only (URLs a self-registered party chose). */
  public static BoundedHttpGet publicHostsOnly() {
    return new BoundedHttpGet(DEADLINE, true);
  }

  /** With another deadline (tests). */
  BoundedHttpGet(Duration deadline, boolean publicOnly) {
    this.deadline = deadline;
    this.publicOnly = publicOnly;
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .connectTimeout(deadline.compareTo(CONNECT) < 0 ? deadline : CONNECT)
            .followRedirects(HttpClient.Redirect.NEVER);
    this.http = builder.build();
  }

  /** The body of a 200 answer; anything else is an IOException. */
  public String get(String location) throws IOException {
    if (publicOnly) {
      PublicAddresses.requirePublicHost(location);
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(location))
            .timeout(deadline)
            .header("Accept", "application/json, application/jwk-set+json")
            .GET()
            .build();
    CompletableFuture<HttpResponse<InputStream>> sent =
        http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
    CompletableFuture<String> read = sent.thenApply(BoundedHttpGet::readLimited);
    try {
      return read.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      sent.thenAccept(response -> closeQuietly(response.body()));
      sent.cancel(true);
      throw new IOException(location + " did not answer within " + deadline);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted fetching " + location);
    } catch (ExecutionException e) {
      throw new IOException("cannot fetch " + location, e.getCause());
    }
  }

  private static String readLimited(HttpResponse<InputStream> response) {
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new IllegalStateException("HTTP " + response.statusCode() + "");
      }
      byte[] bytes = body.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new IllegalStateException("the answer is larger than " + MAX_BYTES);
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the answer", e);
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
