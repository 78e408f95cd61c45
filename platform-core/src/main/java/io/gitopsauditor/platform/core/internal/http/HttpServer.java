package io.gitopsauditor.platform.core.internal.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitopsauditor.platform.core.internal.config.PlatformConfig;
import io.gitopsauditor.platform.core.internal.events.EventHub;
import io.gitopsauditor.platform.core.internal.plugin.PluginHandle;
import io.gitopsauditor.platform.core.internal.ws.HubEndpoint;
import io.gitopsauditor.platform.core.internal.security.AccessGate;
import io.gitopsauditor.platform.core.internal.security.AllowedHosts;
import io.gitopsauditor.platform.core.internal.security.Authenticator;
import io.gitopsauditor.platform.core.internal.security.LiveConnections;
import io.gitopsauditor.platform.core.internal.security.Principal;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.ee11.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * The one Jetty server: a servlet context at {@code /} holding Jersey at {@code /api/*}, the
 * WebSocket hub at {@code /ws}, each plugin's UI bundle at {@code /ui/<id>/*} and the dashboard
 * shell at {@code /} (every other path), behind a
 * graceful handler so that stopping lets in-flight requests finish.
 */
public final class HttpServer {
    /**
     * Jetty sizes its padding by the references per cache line, which it otherwise learns by
     * starting the platform MBean server (all of JMX, about 100 classes and 13 % of the main
     * thread's time in a profile of a restart) to ask whether oops are compressed. They are below
     * a 32 GiB heap, and a wrong guess would only cost some padding. A value given with -D wins.
     */
    static {
        if (System.getProperty("org.eclipse.jetty.util.referencesPerCacheLine") == null) {
            boolean compressedOops = Runtime.getRuntime().maxMemory() < 32L * 1024 * 1024 * 1024;
            System.setProperty("org.eclipse.jetty.util.referencesPerCacheLine", compressedOops ? "16" : "8");
        }
    }

    private final Server server;
    private final ServerConnector connector;
    private final ServletContainer api;

    public HttpServer(PlatformConfig config, ObjectMapper json, EventHub hub, List<Object> kernelResources,
                      List<PluginHandle> livePlugins, Authenticator authenticator, LiveConnections connections) {
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("http");
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(config.maxHeaderSize());
        if (config.forwardedHeaders()) {
            // Behind a trusted proxy: the client's address (login throttling, security events) and scheme come from it,
            // from the entries the proxy itself appended.
            http.addCustomizer(new TrustedProxyHeaders());
            http.addCustomizer(new org.eclipse.jetty.server.ForwardedRequestCustomizer());
        }
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(config.bind());
        connector.setPort(config.port());
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler("/", ServletContextHandler.NO_SESSIONS);
        api = new ServletContainer(ApiApplication.build(json, kernelResources, livePlugins));
        context.addServlet(new ServletHolder("api", api), "/api/*");
        ServerEndpointConfig hubConfig = ServerEndpointConfig.Builder.create(HubEndpoint.class, "/ws")
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    public void modifyHandshake(ServerEndpointConfig endpoint, HandshakeRequest request, HandshakeResponse response) {
                        // The gate already refused unauthenticated upgrades; this hands the caller to the connection.
                        authenticator.authenticate(headers(request, "Authorization"), headers(request, "Cookie"))
                                .ifPresent(caller -> endpoint.getUserProperties().put(Principal.ATTRIBUTE, caller));
                    }

                    @Override
                    public <T> T getEndpointInstance(Class<T> type) {
                        return type.cast(new HubEndpoint(hub, config.webSocket(), json, connections));
                    }
                })
                .build();
        JakartaWebSocketServletContainerInitializer.configure(context, (servletContext, container) -> {
            container.setDefaultMaxTextMessageBufferSize(config.webSocket().maxMessageSize());
            container.addEndpoint(hubConfig);
        });
        for (PluginHandle plugin : livePlugins) {
            plugin.contributions().uiBundle().ifPresent(bundle -> UiBundles.mount(context, plugin.id(), bundle));
        }
        Dashboard.mount(context, Dashboard.find(HttpServer.class.getClassLoader()));
        context.setErrorHandler(new ProblemErrorHandlers.ForContext());
        server.setErrorHandler(new ProblemErrorHandlers.ForServer());
        // Outermost first: graceful stop, the security gate (also for WebSocket upgrades), body size, then the app.
        server.setHandler(new GracefulHandler(new AccessGate(authenticator,
                new AllowedHosts(config.bind(), config.publicUrl(), config.allowedHosts()), connections, sizeLimited(config.maxRequestSize(), context))));
        server.setStopTimeout(config.shutdownTimeout().toMillis());
        server.setStopAtShutdown(false);
    }

    /** A sized body over the limit is refused unread; a chunked one is read (up to the limit) first, then refused or passed. */
    private static ChunkedBodyLimit sizeLimited(int maxRequestSize, org.eclipse.jetty.server.Handler next) {
        SizeLimitHandler limit = new SizeLimitHandler(maxRequestSize, -1);
        limit.setHandler(next);
        return new ChunkedBodyLimit(maxRequestSize, limit);
    }

    private static List<String> headers(HandshakeRequest request, String name) {
        for (var entry : request.getHeaders().entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return List.of();
    }

    public void start() throws Exception {
        server.start();
    }

    /** Every route Jersey serves, from its live model (after {@link #start}). */
    public List<Route> routes() {
        return Route.from(api.getApplicationHandler().getInjectionManager()
                .getInstance(org.glassfish.jersey.server.ExtendedResourceContext.class));
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    public void stop() throws Exception {
        server.stop();
    }
}
