package dev.gatehouse.protocol;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;

/**
 * Reads every form body once, before anything else does, within {@link FormBody#MAX_BYTES}: a
 * longer one (chunked bodies carry no Content-Length for the server's own limit to check), one cut
 * short, or one with a malformed percent-encoding is 400 invalid_request. What reads it afterwards
 * (Krazo's CSRF check on the login, consent and logout pages, the endpoints, client authentication)
 * gets the bytes held here, so none of them holds an unbounded body or fails on a bad one with a
 * server error.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION + 1) // after CharsetFilter: the Content-Type is sound
public class FormBodyFilter implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    if (!request.hasEntity() || !readableAsForm(request.getMediaType())) {
      return;
    }
    byte[] body = FormBody.readLimited(request.getEntityStream());
    FormBody.parse(body);
    request.setEntityStream(new ByteArrayInputStream(body));
  }

  /**
   * A form, or a wildcard a form matches ({@code application/*}): Krazo reads those as forms too.
   * The endpoints refuse a wildcard as naming no format ({@link ContentTypes#is}).
   */
  private static boolean readableAsForm(MediaType type) {
    return type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
  }
}
