package io.gitopsauditor.platform.core.internal.http;

import io.gitopsauditor.platform.core.internal.boot.PlatformInfo;
import io.gitopsauditor.platform.core.internal.plugin.PluginHandle;
import io.gitopsauditor.platform.core.internal.plugin.PluginManager;
import io.gitopsauditor.platform.core.internal.security.PublicRoute;
import io.gitopsauditor.plugin.api.PluginState;
import io.gitopsauditor.plugin.api.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/** The kernel's own API, {@code /api/platform}: health, version, the plugin list and the GitHub connection. */
@Path("platform")
@Produces(MediaType.APPLICATION_JSON)
public final class PlatformResource {
    private final PlatformInfo info;
    private final PluginManager plugins;
    private final DSLContext database;
    private final Instant startedAt = Instant.now();

    public PlatformResource(PlatformInfo info, PluginManager plugins, DSLContext database) {
        this.info = info;
        this.plugins = plugins;
        this.database = database;
    }

    /**
     * @param status      {@code UP}, or {@code DOWN} when the database does not answer (then HTTP 503)
     * @param database    {@code UP} or {@code DOWN}
     * @param uptime      since the server started
     * @param plugins     how many plugins are in each state
     */
    public record Health(String status, String database, Duration uptime, Map<PluginState, Long> plugins) {
    }

    /**
     * @param version   the platform's version
     * @param pluginApi the plugin API version it offers
     * @param java      the Java runtime it runs on
     */
    public record Version(String version, String pluginApi, String java) {
    }

    @GET
    @Path("health")
    @PublicRoute
    public Response health() {
        boolean databaseUp;
        try {
            databaseUp = database.selectOne().fetchOne() != null;
        } catch (RuntimeException e) {
            databaseUp = false;
        }
        Map<PluginState, Long> counts = plugins.plugins().stream()
                .collect(Collectors.groupingBy(PluginHandle::state, () -> new java.util.EnumMap<>(PluginState.class), Collectors.counting()));
        Health health = new Health(databaseUp ? "UP" : "DOWN", databaseUp ? "UP" : "DOWN",
                Duration.ofSeconds(Duration.between(startedAt, Instant.now()).toSeconds()), counts);
        return Response.status(databaseUp ? 200 : 503).entity(health).build();
    }

    @GET
    @Path("version")
    @PublicRoute
    public Version version() {
        return new Version(info.version(), info.pluginApi(), info.java());
    }

    /**
     * @param apiUrl          the GitHub API address plugins use
     * @param tokenConfigured whether a token is set (the token itself is never returned)
     * @param rateLimit       the rate limit GitHub last reported to any plugin; absent before the first call
     * @param requests        what all plugins together sent, and how many of those GitHub answered 304
     *                        (served from the ETag cache, not counted against the rate limit)
     */
    public record GitHub(String apiUrl, boolean tokenConfigured, io.gitopsauditor.plugin.api.RateLimit rateLimit,
                         io.gitopsauditor.plugin.api.GitHubUsage requests) {
    }

    @GET
    @Path("github")
    public GitHub github() {
        var connection = plugins.github();
        return new GitHub(connection.apiUrl().toString(), connection.tokenConfigured(), connection.rateLimit().orElse(null),
                connection.usage());
    }

    @GET
    @Path("plugins")
    public List<PluginView> plugins() {
        return plugins.plugins().stream().map(PluginView::of).toList();
    }

    @GET
    @Path("plugins/{id}")
    public PluginView plugin(@PathParam("id") String id) {
        return plugins.plugins().stream().filter(h -> h.id().equals(id)).findFirst().map(PluginView::of)
                .orElseThrow(() -> ProblemException.notFound("No plugin with id '" + id + "'; GET /api/platform/plugins lists them."));
    }

}
