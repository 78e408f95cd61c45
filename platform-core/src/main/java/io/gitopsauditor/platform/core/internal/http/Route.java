package io.gitopsauditor.platform.core.internal.http;

import io.gitopsauditor.platform.core.internal.security.PublicRoute;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.glassfish.jersey.server.ExtendedResourceContext;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.model.ResourceModel;

/**
 * One route as Jersey serves it, read from the live runtime model (not a hand-written list), so
 * that checks over "every route" include every plugin's.
 *
 * @param method      the HTTP method
 * @param path        the full path template, e.g. {@code /api/hello/greetings/{id}}
 * @param consumes    the media types it accepts (empty: any)
 * @param publicRoute whether the kernel marked it public
 */
public record Route(String method, String path, List<String> consumes, boolean publicRoute) {

    static List<Route> from(ExtendedResourceContext context) {
        List<Route> routes = new ArrayList<>();
        ResourceModel model = context.getResourceModel();
        for (Resource resource : model.getRootResources()) {
            collect(resource, "/api", routes);
        }
        return routes;
    }

    private static void collect(Resource resource, String parent, List<Route> routes) {
        String path = join(parent, resource.getPath());
        for (ResourceMethod method : resource.getResourceMethods()) {
            Method handler = method.getInvocable().getDefinitionMethod();
            routes.add(new Route(method.getHttpMethod(), path,
                    method.getConsumedTypes().stream().map(Object::toString).toList(),
                    handler != null && handler.isAnnotationPresent(PublicRoute.class)));
        }
        for (Resource child : resource.getChildResources()) {
            collect(child, path, routes);
        }
    }

    private static String join(String parent, String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return parent;
        }
        return parent + "/" + path.replaceAll("^/+|/+$", "");
    }
}
