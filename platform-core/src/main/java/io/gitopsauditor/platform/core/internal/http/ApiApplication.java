package io.gitopsauditor.platform.core.internal.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitopsauditor.platform.core.internal.plugin.PluginHandle;
import jakarta.ws.rs.ext.ContextResolver;
import java.util.List;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.model.Resource;

/**
 * The Jersey application behind {@code /api}: the kernel's resources, every live plugin's
 * resources under its id, the platform's JSON mapper and the problem+json mappers.
 */
final class ApiApplication {
    private ApiApplication() {
    }

    static ResourceConfig build(ObjectMapper json, List<Object> kernelResources, List<PluginHandle> livePlugins) {
        ResourceConfig config = new ResourceConfig();
        config.setApplicationName("gitops-auditor");
        // Jackson's own exception mappers echo parser messages (with Java type names) to clients.
        config.register(JacksonFeature.withoutExceptionMappers());
        config.register(new ObjectMapperResolver(json));
        ProblemMappers.all().forEach(config::register);
        config.register(new io.gitopsauditor.platform.core.internal.security.ScopeFeature());
        kernelResources.forEach(resource -> config.registerResources(PluginResources.kernel(resource)));
        for (PluginHandle plugin : livePlugins) {
            for (Object resource : plugin.contributions().restResources()) {
                Resource model = PluginResources.prefixed(plugin.id(), resource);
                config.registerResources(model);
            }
        }
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        config.property(ServerProperties.BV_FEATURE_DISABLE, true);
        return config;
    }

    /** Hands the platform's mapper to Jersey's Jackson provider. */
    private record ObjectMapperResolver(ObjectMapper mapper) implements ContextResolver<ObjectMapper> {
        @Override
        public ObjectMapper getContext(Class<?> type) {
            return mapper;
        }
    }
}
