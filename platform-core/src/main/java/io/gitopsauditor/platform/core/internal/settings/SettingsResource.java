package io.gitopsauditor.platform.core.internal.settings;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitopsauditor.platform.core.internal.security.Principal;
import io.gitopsauditor.plugin.api.ProblemException;
import io.gitopsauditor.plugin.api.RequiresScope;
import io.gitopsauditor.plugin.api.Scope;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * {@code /api/platform/settings} and {@code /api/platform/secrets}, admin only (a browser session
 * also needs its CSRF token on changes, as everywhere). Secrets go in and never come out: no
 * answer carries a secret's value.
 */
@Path("platform")
@Produces(MediaType.APPLICATION_JSON)
@RequiresScope(Scope.ADMIN)
public final class SettingsResource {
    private static final int MAX_LIMIT = 500;

    private final SettingsService settings;
    private final SettingsService.SecurityLog log;

    public SettingsResource(SettingsService settings, SettingsService.SecurityLog log) {
        this.settings = settings;
        this.log = log;
    }

    /** @param groups every group, the platform's first */
    public record Groups(List<GroupView> groups) {
    }

    /**
     * The list shape every list endpoint answers with.
     *
     * @param items  this page
     * @param total  how many there are
     * @param offset where the page starts
     * @param limit  the page's size asked for
     * @param sort   the order: by name
     */
    public record SecretList(List<SecretStore.Listed> items, int total, int offset, int limit, String sort) {
    }

    /** @param value the secret; never echoed */
    public record SecretValue(String value) {
        @Override
        public String toString() {
            return "SecretValue[]";
        }
    }

    @GET
    @Path("settings")
    public Groups groups() {
        return new Groups(settings.views());
    }

    @GET
    @Path("settings/{plugin}")
    public GroupView group(@PathParam("plugin") String plugin) {
        return settings.view(plugin);
    }

    @PUT
    @Path("settings/{plugin}")
    @Consumes(MediaType.APPLICATION_JSON)
    public GroupView change(@PathParam("plugin") String plugin, JsonNode body, @Context HttpServletRequest http) {
        return settings.update(plugin, body, actor(http), log);
    }

    @GET
    @Path("secrets")
    public SecretList secrets(@QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit,
                              @QueryParam("sort") @DefaultValue("name") String sort) {
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.invalidInput("offset must be 0 or more and limit from 1 to " + MAX_LIMIT);
        }
        if (!sort.equals("name")) {
            throw ProblemException.invalidInput("secrets can be sorted by: name");
        }
        List<SecretStore.Listed> all = settings.listSecrets();
        List<SecretStore.Listed> page = all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + limit));
        return new SecretList(page, all.size(), offset, limit, sort);
    }

    @PUT
    @Path("secrets/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response putSecret(@PathParam("name") String name, SecretValue body, @Context HttpServletRequest http) {
        settings.putSecret(name, body == null ? null : body.value(), actor(http), log);
        return Response.noContent().build();
    }

    @DELETE
    @Path("secrets/{name}")
    public Response deleteSecret(@PathParam("name") String name, @Context HttpServletRequest http) {
        if (!settings.deleteSecret(name, actor(http), log)) {
            throw ProblemException.notFound("No secret named '" + name + "' is stored.");
        }
        return Response.noContent().build();
    }

    private static SettingsService.Actor actor(HttpServletRequest http) {
        Object caller = http.getAttribute(Principal.ATTRIBUTE);
        String name = caller instanceof Principal principal ? principal.name() : null;
        return new SettingsService.Actor(name, http.getRemoteAddr());
    }
}
