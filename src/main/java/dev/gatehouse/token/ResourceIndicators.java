package dev.gatehouse.token;

import dev.gatehouse.clients.ClientMetadata;
import dev.gatehouse.protocol.OAuthException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Set;

/**
 * The RFC 8707 {@code resource} parameter of a token request. A client_credentials token takes the
 * resource as its audience when the operator listed it, for that client (its {@code resources}
 * metadata) or else for every client ({@code oidc.token.resources}); any other resource is
 * invalid_target, so a client cannot mint tokens for an API it was not meant for. The tokens of a
 * user's grant (authorization_code, refresh_token) are always for the default audience, so there a
 * resource naming anything else is refused rather than silently ignored.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc8707#section-2">RFC 8707 §2</a>
 */
public final class ResourceIndicators {

  private ResourceIndicators() {}

  /**
   * The requested resource (null: none): an absolute URI without a fragment, one per request (a
   * token here has one audience; the same URI named twice is still one), of a length the grant can
   * store.
   */
  static String resource(List<String> resources) {
    if (resources.isEmpty()) {
      return null;
    }
    String resource = one(resources);
    if (resource.length() > ClientMetadata.MAX_RESOURCE_LENGTH) {
      throw OAuthException.invalidTarget("resource is too long");
    }
    try {
      URI uri = new URI(resource);
      if (uri.isAbsolute() && uri.getRawFragment() == null) {
        return resource;
      }
    } catch (URISyntaxException e) {
      // refused below
    }
    throw OAuthException.invalidTarget("resource must be an absolute URI without a fragment");
  }

  /**
   * For client_credentials: no resource (null: the default audience), the default audience named by
   * its URI, or one of the known resources.
   */
  static String known(List<String> resources, Set<String> known, String defaultAudience) {
    String resource = resource(resources);
    if (resource != null && !resource.equals(defaultAudience) && !known.contains(resource)) {
      throw OAuthException.invalidTarget("The resource is not one this provider issues tokens for");
    }
    return resource;
  }

  /**
   * For tokens whose audience is fixed (a user's grant, from the authorization request on): no
   * resource, or that audience itself (named by an absolute URI like any resource, so an audience
   * configured as a bare name cannot be requested by name); else invalid_target.
   */
  public static void requireNoneOr(List<String> resources, String audience) {
    String resource = resource(resources);
    if (resource != null && !resource.equals(audience)) {
      throw OAuthException.invalidTarget(
          "The access tokens of this grant are for the default audience only");
    }
  }

  /** The one resource named, perhaps more than once (RFC 8707 §2 allows repeating it). */
  private static String one(List<String> resources) {
    if (resources.stream().distinct().count() > 1) {
      throw OAuthException.invalidTarget("Only one resource per request is supported");
    }
    return resources.get(0);
  }
}
