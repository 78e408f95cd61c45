package io.gitopsauditor.platform.core.internal.settings;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitopsauditor.platform.core.internal.security.Principal;
import io.gitopsauditor.plugin.api.list.ListSpec;
import io.gitopsauditor.plugin.api.list.Page;
import io.gitopsauditor.plugin.api.list.PageRequest;
import io.gitopsauditor.plugin.api.ProblemException;
import io.gitopsauditor.plugin.api.RequiresScope;
import io.gitopsauditor.plugin.api.Scope;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/platform/settings} and {@code /api/platform/secrets}, admin only (a browser session
 * also needs its CSRF token on changes, as everywhere). Secrets go in and never come out: no
 * answer carries a secret's value.
 */
@Path("platform")
@Produces(MediaType.APPLICATION_JSON)
@RequiresScope(Scope.ADMIN)
public final class SettingsResource {
    /** The secrets list: by name unless asked otherwise. */
    private static final ListSpec SECRET_LIST = ListSpec.sortable("name", "name", "plugin", "updatedAt");
    private static final Map<String, Comparator<SecretStore.Listed>> SECRET_ORDERS = Map.of(
            "name", Comparator.comparing(SecretStore.Listed::name),
            "plugin", Comparator.comparing(SecretStore.Listed::plugin),
            "updatedAt", Comparator.comparing(SecretStore.Listed::updatedAt, Comparator.nullsFirst(Comparator.naturalOrder())));

    private final SettingsService settings;
    private final SettingsService.SecurityLog log;

    public SettingsResource(SettingsService settings, SettingsService.SecurityLog log) {
        this.settings = settings;
        this.log = log;
    }

    /** @param groups every group, the platform's first */
    public record Groups(List<GroupView> groups) {
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
    public Page<SecretStore.Listed> secrets(@QueryParam("offset") String offset, @QueryParam("limit") String limit,
                                            @QueryParam("sort") String sort) {
        return PageRequest.parse(SECRET_LIST, offset, limit, sort).slice(settings.listSecrets(), SECRET_ORDERS);
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
