package dev.gatehouse.resourceserver;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Scopes an access token must all carry for a {@link BearerToken} resource (method-level overrides
 * class-level).
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6750#section-3.1">RFC 6750 §3.1</a>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresScope {
  String[] value();
}
