package dev.gatehouse.protocol;

import static dev.gatehouse.protocol.RemoteKeySetTest.signedBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client's jwks_uri is fetched within hard bounds: its keys when it answers, and an error, never
 * a long wait, when it stalls, trickles, redirects or sends too much.
 */
class BoundedHttpGetTest {

  private HttpServer server;
  private RsaJsonWebKey signer;
  private String keys;

  @BeforeEach
  void start() throws Exception {
    signer = RsaJwkGenerator.generateJwk(2048);
    signer.setKeyId("k1");
    keys = "{\"keys\":[" + signer.toJson() + "]}";
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.createContext("/jwks", exchange -> answer(exchange, 200, keys));
    server.createContext(
        "/stall",
        exchange -> {
          sleep(30_000);
          answer(exchange, 200, keys);
        });
    server.createContext(
        "/trickle",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 60; i++) {
              out.write(' ');
              out.flush();
              sleep(500);
            }
          }
        });
    server.createContext(
        "/moved",
        exchange -> {
          exchange.getResponseHeaders().add("Location", url("/jwks"));
          answer(exchange, 302, "");
        });
    server.createContext("/gone", exchange -> answer(exchange, 404, keys));
    server.createContext("/huge", exchange -> answer(exchange, 200, " ".repeat(70_000) + keys));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void getWhenServerAnswersThenItsKeysVerify() throws Exception {
    RemoteKeySet remote = keySet(url("/jwks"));

    assertNotNull(remote.keyFor(signedBy(signer)), "the published key verifies its signature");
  }

  @Test
  void getWhenPublicHostsOnlyAndHostIsLoopbackThenRefusedUnfetched() throws Exception {
    int[] requests = {0};
    server.createContext(
        "/counted",
        exchange -> {
          requests[0]++;
          answer(exchange, 200, keys);
        });

    IOException refused =
        assertThrows(
            IOException.class, () -> BoundedHttpGet.publicHostsOnly().get(url("/counted")));

    assertTrue(refused.getMessage().contains("non-public"), refused.getMessage());
    assertEquals(0, requests[0]);
    assertNotNull(new BoundedHttpGet().get(url("/counted")), "any host for the operator's URLs");
    assertEquals(1, requests[0]);
  }

  @Test
  void getWhenServerStallsOrTricklesThenErrorWithinTheDeadline() {
    // The production deadline is 5 s; the same bound, shorter, keeps the unit tests fast.
    BoundedHttpGet quick = new BoundedHttpGet(java.time.Duration.ofSeconds(1), false);
    for (String path : new String[] {"/stall", "/trickle"}) {
      long start = System.nanoTime();

      assertThrows(IOException.class, () -> quick.get(url(path)), path);

      long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(waited < 3_000, path + " waited " + waited + " ms for a 1 s deadline");
    }
  }

  @Test
  void getWhenRedirectedOrNotOkThenErrorNotFollowed() throws Exception {
    for (String path : new String[] {"/moved", "/gone"}) {
      IOException refused =
          assertThrows(IOException.class, () -> new BoundedHttpGet().get(url(path)), path);
      assertTrue(refused.getCause().getMessage().contains("HTTP "), path);
    }
    RemoteKeySet remote = keySet(url("/gone"));
    assertNull(remote.keyFor(signedBy(signer)), "a key set sent with a 404 is not taken");
  }

  @Test
  void getWhenBodyLargerThanTheLimitThenError() {
    assertThrows(IOException.class, () -> new BoundedHttpGet().get(url("/huge")));
  }

  /** A remote key set fetched through it, as the private_key_jwt verifier and IssuerTrust use. */
  private static RemoteKeySet keySet(String location) {
    BoundedHttpGet get = new BoundedHttpGet();
    return new RemoteKeySet(
        location,
        uri -> new org.jose4j.jwk.JsonWebKeySet(get.get(uri)).getJsonWebKeys(),
        java.time.Duration.ofHours(1),
        java.time.Duration.ofSeconds(30),
        java.time.Clock.systemUTC());
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
