package io.gitopsauditor.plugin.api;

/**
 * Adds JAX-RS root resources. A resource annotated {@code @Path("greetings")} in plugin
 * {@code hello} is served at {@code /api/hello/greetings}: the kernel adds the prefix, so a
 * plugin cannot take another's paths.
 *
 * <p>The resource's package must be open to Jersey, and its DTOs' packages to Jackson, in the
 * plugin's {@code module-info.java}; a resource registered as a class is created by HK2, so its
 * package must be open to HK2 too. The registrar checks this and refuses the resource with the
 * exact line to add:
 * <pre>{@code
 * opens com.example.hello.internal to org.glassfish.jersey.core.server, org.glassfish.hk2.locator,
 *     com.fasterxml.jackson.databind;
 * }</pre>
 * Errors are reported by throwing {@link ProblemException} (or a
 * JAX-RS {@code WebApplicationException}); the kernel turns them into
 * {@code application/problem+json}.
 *
 * @since 0.1
 */
public interface RestRegistrar {

    /**
     * Adds a resource instance, shared by all requests (it must be thread-safe). The usual way:
     * construct it with what it needs from the context.
     *
     * @param resource an object whose class carries {@code @Path}
     * @throws IllegalArgumentException when its class has no {@code @Path} or its package is not open to Jersey
     */
    void resource(Object resource);

    /**
     * Adds a resource class, instantiated by Jersey for each request.
     *
     * @param resourceClass a class carrying {@code @Path}, with a public no-argument constructor
     * @throws IllegalArgumentException when the class has no {@code @Path} or its package is not open to Jersey and HK2
     */
    void resource(Class<?> resourceClass);
}
