package dev.gatehouse.resourceserver;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The verified caller of a protected resource: the token's subject, issuer, client, scopes, groups
 * and all its claims.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9068#section-2.2">RFC 9068 §2.2</a>
 */
public record TokenPrincipal(
    String subject,
    String issuer,
    String clientId,
    Set<String> scopes,
    List<String> groups,
    Map<String, Object> claims)
    implements Principal {

  @Override
  public String getName() {
    return subject;
  }
}
