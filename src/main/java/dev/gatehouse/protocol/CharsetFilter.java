package dev.gatehouse.protocol;

import jakarta.annotation.Priority;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.Charset;

/**
 * Refuses a request whose Content-Type is malformed or names a charset this JVM does not know, with
 * 415 in the one error model, before anything reads the body (Krazo's form filter and the entity
 * readers would fail on it with a server error).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9110#section-15.5.16">RFC 9110 §15.5.16</a>
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class CharsetFilter implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null) {
      return;
    }
    MediaType type;
    try {
      // Jersey's own parse, cached for the entity readers (a malformed header:
      // HeaderValueException)
      type = request.getMediaType();
    } catch (RuntimeException e) {
      throw new NotSupportedException("Malformed Content-Type");
    }
    String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
    if (charset != null && !isSupported(charset)) {
      throw new NotSupportedException("Unsupported charset");
    }
  }

  static boolean isSupported(String charset) {
    try {
      return Charset.isSupported(charset);
    } catch (IllegalArgumentException e) {
      // IllegalCharsetNameException included
      return false;
    }
  }
}
