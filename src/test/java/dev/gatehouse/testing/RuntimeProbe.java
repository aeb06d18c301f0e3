package dev.gatehouse.testing;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Test-only endpoint, deployed by the container tests alone: reports how the server's CDI container
 * sees a class, so that a test can prove a portable extension took effect.
 */
@RequestScoped
@Path("/test-only/runtime")
public class RuntimeProbe {

  @Inject BeanManager beans;

  /** The simple name of the scope of the one bean of that class. */
  @GET
  @Path("scope/{class}")
  @Produces(MediaType.TEXT_PLAIN)
  public String scope(@PathParam("class") String className) throws ClassNotFoundException {
    Class<?> type = Class.forName(className, false, Thread.currentThread().getContextClassLoader());
    return beans.resolve(beans.getBeans(type)).getScope().getSimpleName();
  }
}
