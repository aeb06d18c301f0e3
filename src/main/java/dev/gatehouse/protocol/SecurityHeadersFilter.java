package dev.gatehouse.protocol;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * Adds defensive headers to every response, and anti-framing headers to HTML pages (clickjacking).
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9700#section-4.16">RFC 9700 §4.16</a>
 */
@Provider
public class SecurityHeadersFilter implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    MultivaluedMap<String, Object> headers = response.getHeaders();
    headers.putSingle("X-Content-Type-Options", "nosniff");
    headers.putSingle("Referrer-Policy", "no-referrer");
    MediaType type = response.getMediaType();
    if (type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
      headers.putSingle("X-Frame-Options", "DENY");
      headers.putSingle("Content-Security-Policy", "frame-ancestors 'none'");
    }
  }
}
