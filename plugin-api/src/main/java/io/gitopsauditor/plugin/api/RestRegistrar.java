package io.gitopsauditor.plugin.api;

/**
 * Adds JAX-RS root resources. A resource annotated {@code @Path("greetings")} in plugin
 * {@code hello} is served at {@code /api/hello/greetings}: the kernel adds the prefix, so a
 * plugin cannot take another's paths.
 *
 * <p>The resource's package must be open to Jersey (and its DTOs to Jackson) in the plugin's
 * {@code module-info.java}. Errors are reported by throwing {@link ProblemException} (or a
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
     * @throws IllegalArgumentException when its class has no {@code @Path}
     */
    void resource(Object resource);

    /**
     * Adds a resource class, instantiated by Jersey for each request.
     *
     * @param resourceClass a class carrying {@code @Path}, with a public no-argument constructor
     * @throws IllegalArgumentException when the class has no {@code @Path}
     */
    void resource(Class<?> resourceClass);
}
