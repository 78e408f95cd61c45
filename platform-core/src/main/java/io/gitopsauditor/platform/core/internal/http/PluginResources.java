package io.gitopsauditor.platform.core.internal.http;

import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * Turns a plugin's JAX-RS resource into a Jersey resource model under {@code /<plugin-id>/...}
 * (the servlet adds {@code /api}). Doing it here, not by convention, means a plugin cannot take
 * another plugin's or the kernel's paths.
 */
final class PluginResources {
    private PluginResources() {
    }

    /** A kernel resource instance, at its own {@code @Path}. */
    static Resource kernel(Object resource) {
        Resource model = Resource.from(resource.getClass());
        return boundTo(model, resource, model.getPath());
    }

    static Resource prefixed(String pluginId, Object resourceOrClass) {
        if (resourceOrClass instanceof Class<?> type) {
            Resource model = Resource.from(type);
            return Resource.builder(model).path(join(pluginId, model.getPath())).build();
        }
        Resource model = Resource.from(resourceOrClass.getClass());
        return boundTo(model, resourceOrClass, join(pluginId, model.getPath()));
    }

    /** The same model, every method handled by the given instance rather than a new object per request. */
    private static Resource boundTo(Resource model, Object instance, String path) {
        Resource.Builder builder = Resource.builder(path);
        for (ResourceMethod method : model.getResourceMethods()) {
            builder.addMethod(method).handledBy(instance, method.getInvocable().getHandlingMethod());
        }
        ResourceMethod locator = model.getResourceLocator();
        if (locator != null) {
            builder.addMethod(locator).handledBy(instance, locator.getInvocable().getHandlingMethod());
        }
        for (Resource child : model.getChildResources()) {
            builder.addChildResource(boundTo(child, instance, child.getPath()));
        }
        return builder.build();
    }

    private static String join(String pluginId, String path) {
        String relative = path == null ? "" : path.replaceAll("^/+|/+$", "");
        return relative.isEmpty() ? "/" + pluginId : "/" + pluginId + "/" + relative;
    }

}
