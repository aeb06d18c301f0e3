package dev.gatehouse;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import org.eclipse.krazo.forms.FormMethodOverwriteFilter;

/**
 * Makes Krazo's form-method filter one instance for the application instead of one per request.
 * Krazo registers it for the shared JAX-RS application, protocol endpoints included, and declares
 * it {@code @RequestScoped}; its constructor scans the class path with {@code ServiceLoader}, which
 * the benchmark measured at about a seventh of the server's CPU at {@code /token} and {@code
 * /introspect}. The filter keeps no request state (the request comes as an argument; its
 * configuration and form reader are application-wide), so one instance serves all requests. (Its
 * override itself is switched off in {@link OidcApplication}, so it reads no form bodies; Krazo
 * still creates and calls it for every request.)
 */
public class KrazoFilterScope implements Extension {

  void applicationScoped(@Observes ProcessAnnotatedType<FormMethodOverwriteFilter> type) {
    type.configureAnnotatedType()
        .remove(annotation -> annotation.annotationType() == RequestScoped.class)
        .add(ApplicationScoped.Literal.INSTANCE);
  }
}
