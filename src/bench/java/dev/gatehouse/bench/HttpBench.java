package dev.gatehouse.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A closed-loop HTTP load generator for loopback benchmarks: C client threads each send requests
 * back to back for a fixed time after a warm-up, then it prints requests/s and latency percentiles
 * per target. Bounded in time and count; refuses any host but loopback.
 *
 * <p>Usage: {@code java HttpBench.java <threads> <seconds> <warmupSeconds> <target>...}; a target
 * is a URL (GET), or {@code url|form-body} (POST of that form, with {@code Authorization: Basic} of
 * the {@code BENCH_CLIENT} environment variable, {@code client_id:secret}, when set), or {@code
 * url|form-body|client_id:secret} with the target's own client, or {@code url|Bearer token} (GET
 * with that access token). A form body holding {@code {refresh_token}} is a rotation chain: each
 * thread starts from its own token of the comma-separated {@code BENCH_REFRESH_TOKENS} and then
 * always presents the refresh token of its previous answer.
 */
public final class HttpBench {

  private static final int MAX_REQUESTS_PER_THREAD = 5_000_000;
  private static final String REFRESH_TOKEN = "{refresh_token}";
  private static final String BEARER = "Bearer ";
  private static final Pattern ISSUED_REFRESH_TOKEN =
      Pattern.compile("\"refresh_token\"\\s*:\\s*\"([^\"]+)\"");

  /** What one target sends; a chain keeps each thread's current refresh token. */
  private record Target(String label, HttpRequest.Builder template, String body, String[] chain) {

    HttpRequest next(int thread) {
      if (body == null) {
        return template.copy().GET().build();
      }
      String form = chain == null ? body : body.replace(REFRESH_TOKEN, chain[thread]);
      return template.copy().POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    void answered(int thread, String responseBody) {
      if (chain != null) {
        Matcher issued = ISSUED_REFRESH_TOKEN.matcher(responseBody);
        if (issued.find()) {
          chain[thread] = issued.group(1);
        }
      }
    }
  }

  private HttpBench() {}

  public static void main(String[] args) throws Exception {
    int threads = Integer.parseInt(args[0]);
    int seconds = Integer.parseInt(args[1]);
    int warmup = Integer.parseInt(args[2]);
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(2))
            .build();
    System.out.printf(
        "%-44s %8s %10s %8s %8s %8s %8s %7s%n",
        "endpoint", "threads", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "errors");
    List<Target> targets = new ArrayList<>();
    for (int i = 3; i < args.length; i++) {
      targets.add(target(args[i], threads));
    }
    // Warm every target before measuring any, so the first one does not meet a cold JIT.
    for (Target target : targets) {
      run(client, target, threads, warmup, false);
    }
    for (Target target : targets) {
      Result result = run(client, target, threads, seconds, true);
      System.out.printf(
          Locale.ROOT,
          "%-44s %8d %10.0f %8.2f %8.2f %8.2f %8.2f %7d%n",
          target.label(),
          threads,
          result.count() / (double) seconds,
          result.percentile(50),
          result.percentile(90),
          result.percentile(99),
          result.percentile(100),
          result.errors());
    }
    System.exit(0);
  }

  /**
   * A GET of {@code url} (with a bearer token for {@code url|Bearer token}), or a form POST for
   * {@code url|body}; loopback hosts only.
   */
  private static Target target(String target, int threads) {
    int bar = target.indexOf('|');
    URI uri = URI.create(bar < 0 ? target : target.substring(0, bar));
    String host = uri.getHost();
    if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("[::1]")) {
      throw new IllegalArgumentException("loopback targets only: " + uri);
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
    if (bar < 0) {
      return new Target("GET " + uri.getPath(), request, null, null);
    }
    if (target.startsWith(BEARER, bar + 1)) {
      request.header("Authorization", target.substring(bar + 1));
      return new Target("GET " + uri.getPath() + " (bearer)", request, null, null);
    }
    String[] parts = target.substring(bar + 1).split("\\|", 2);
    String client = parts.length == 2 ? parts[1] : System.getenv("BENCH_CLIENT");
    if (client != null) {
      request.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(client.getBytes(StandardCharsets.UTF_8)));
    }
    request.header("Content-Type", "application/x-www-form-urlencoded");
    String body = parts[0];
    String[] chain = null;
    if (body.contains(REFRESH_TOKEN)) {
      chain = System.getenv("BENCH_REFRESH_TOKENS").split(",");
      if (chain.length < threads) {
        throw new IllegalArgumentException("one refresh token per thread needed");
      }
    }
    Matcher grant = Pattern.compile("grant_type=(\\w+)").matcher(body);
    String label = "POST " + uri.getPath() + (grant.find() ? " " + grant.group(1) : "");
    return new Target(label, request, body, chain);
  }

  private static Result run(
      HttpClient client, Target target, int threads, int seconds, boolean record) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<long[]>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      futures.add(
          pool.submit(
              () -> {
                long[] latencies = new long[1024];
                int n = 0;
                long errors = 0;
                while (System.nanoTime() < deadline && n < MAX_REQUESTS_PER_THREAD) {
                  long start = System.nanoTime();
                  try {
                    HttpResponse<String> response =
                        client.send(target.next(thread), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                      target.answered(thread, response.body());
                    } else {
                      errors++;
                    }
                  } catch (Exception e) {
                    errors++;
                  }
                  if (errors > 0 && target.chain() != null) {
                    // A broken rotation chain only fails from here on: stop, do not count those.
                    break;
                  }
                  if (n == latencies.length) {
                    latencies = Arrays.copyOf(latencies, n * 2);
                  }
                  latencies[n++] = System.nanoTime() - start;
                }
                long[] out = Arrays.copyOf(latencies, n + 1);
                out[n] = errors;
                return out;
              }));
    }
    long errors = 0;
    List<long[]> all = new ArrayList<>();
    for (Future<long[]> f : futures) {
      long[] l = f.get();
      errors += l[l.length - 1];
      all.add(Arrays.copyOf(l, l.length - 1));
    }
    pool.shutdown();
    long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    return record ? new Result(merged, errors) : null;
  }

  private record Result(long[] sortedNanos, long errors) {
    int count() {
      return sortedNanos.length;
    }

    double percentile(int p) {
      if (sortedNanos.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
      return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1_000_000.0;
    }
  }
}
