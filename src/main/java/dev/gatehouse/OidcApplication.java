package dev.gatehouse;

import jakarta.mvc.form.FormMethodOverwriter;
import jakarta.mvc.security.Csrf;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * The single JAX-RS application: protocol endpoints and Jakarta MVC controllers share it, mapped at
 * the root so that {@code /.well-known/...} paths are served.
 *
 * @see <a href="https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfig">OpenID
 *     Connect Discovery 1.0 §4</a>
 */
@ApplicationPath("/")
public class OidcApplication extends Application {

  @Override
  public Map<String, Object> getProperties() {
    return Map.of(
        // Every @Controller POST is CSRF-checked; protocol endpoints are plain JAX-RS and never
        // are.
        Csrf.CSRF_PROTECTION,
        Csrf.CsrfOptions.IMPLICIT,
        // No hidden _method field: Krazo would otherwise parse every form POST, protocol
        // endpoints included, before routing (and let a form turn a POST into a DELETE).
        FormMethodOverwriter.FORM_METHOD_OVERWRITE,
        FormMethodOverwriter.Options.DISABLED,
        // No WADL (Jersey's ServerProperties.WADL_FEATURE_DISABLE): it would describe every
        // resource, the admin API included, to anyone.
        "jersey.config.server.wadl.disableWadl",
        true);
  }
}
