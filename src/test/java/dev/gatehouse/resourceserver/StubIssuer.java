package dev.gatehouse.resourceserver;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * A foreign OpenID issuer run by the tests on a reserved loopback port: its own discovery document
 * and JWKS, and a key to sign tokens with. The provider under test is configured to trust it.
 */
final class StubIssuer implements AutoCloseable {

  private static RsaJsonWebKey key;

  private final HttpServer server;
  private final String issuer;

  private StubIssuer(HttpServer server, String issuer) {
    this.server = server;
    this.issuer = issuer;
  }

  static synchronized RsaJsonWebKey key() throws JoseException {
    if (key == null) {
      key = RsaJwkGenerator.generateJwk(2048);
      key.setKeyId("stub-key-1");
    }
    return key;
  }

  static StubIssuer start() throws IOException, JoseException {
    int port = Integer.parseInt(System.getProperty("it.stub.port"));
    String issuer = "http://127.0.0.1:" + port;
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    String discovery = "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/keys\"}";
    String jwks = new JsonWebKeySet(key()).toJson(OutputControlLevel.PUBLIC_ONLY);
    serve(server, "/.well-known/openid-configuration", discovery);
    serve(server, "/keys", jwks);
    server.start();
    return new StubIssuer(server, issuer);
  }

  String issuer() {
    return issuer;
  }

  String sign(String claimsJson) throws JoseException {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claimsJson);
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setHeader("typ", "at+jwt");
    jws.setKeyIdHeaderValue(key().getKeyId());
    jws.setKey(key().getPrivateKey());
    return jws.getCompactSerialization();
  }

  private static void serve(HttpServer server, String path, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    server.createContext(
        path,
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
