package dev.gatehouse.discovery;

import static dev.gatehouse.testing.TestServer.issuer;
import static dev.gatehouse.testing.TestServer.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** The Krazo home page: proves the MVC wiring and the anti-framing headers on HTML. */
public interface HomePageContract {

  @Test
  default void homeWhenOpenedInBrowserThenHtmlWithIssuerAndEndpoints() {
    Response response = request("/").accept(MediaType.TEXT_HTML).get();

    assertEquals(200, response.getStatus());
    assertTrue(response.getMediaType().isCompatible(MediaType.TEXT_HTML_TYPE));
    assertEquals("DENY", response.getHeaderString("X-Frame-Options"));
    assertEquals("frame-ancestors 'none'", response.getHeaderString("Content-Security-Policy"));
    String html = response.readEntity(String.class);
    assertTrue(html.contains("<code>" + issuer() + "</code>"), html);
    assertTrue(html.contains(issuer() + "/jwks.json"));
  }
}
