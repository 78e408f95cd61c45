package io.gitopsauditor.platform.core.internal.jobs;

import io.gitopsauditor.plugin.api.ProblemException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Optional;

/**
 * {@code /api/platform/jobs}: every plugin's running and recent jobs, and cancelling one. Reading
 * needs the read scope, cancelling the write scope (the kernel's defaults for GET and POST).
 */
@Path("platform/jobs")
@Produces(MediaType.APPLICATION_JSON)
public final class JobsResource {
    static final int MAX_LIMIT = 500;
    static final String SORT = "-startedAt";

    private final JobService jobs;

    public JobsResource(JobService jobs) {
        this.jobs = jobs;
    }

    @GET
    public JobPage list(@QueryParam("state") String state, @QueryParam("plugin") String plugin, @QueryParam("kind") String kind,
                        @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit,
                        @QueryParam("sort") String sort) {
        if (offset < 0) {
            throw ProblemException.invalidInput("offset must be 0 or more, got " + offset + ".");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.invalidInput("limit must be from 1 to " + MAX_LIMIT + ", got " + limit + ".");
        }
        if (sort != null && !sort.isBlank() && !SORT.equals(sort.strip())) {
            throw ProblemException.invalidInput("Jobs are listed newest first only: sort may be '" + SORT + "', got '" + sort + "'.");
        }
        return jobs.list(new JobFilter(running(state), blankToEmpty(plugin), blankToEmpty(kind)), offset, limit);
    }

    @GET
    @Path("{id}")
    public JobView job(@PathParam("id") String id) {
        return jobs.find(id).map(JobView::of).orElseThrow(() -> new JobNotFoundException(id));
    }

    @POST
    @Path("{id}/cancel")
    public JobView cancel(@PathParam("id") String id, @Context SecurityContext caller) {
        String by = caller.getUserPrincipal() == null ? "an unknown caller" : caller.getUserPrincipal().getName();
        return JobView.of(jobs.cancel(id, by));
    }

    private static Optional<Boolean> running(String state) {
        if (state == null || state.isBlank()) {
            return Optional.empty();
        }
        return switch (state.strip()) {
            case "running" -> Optional.of(true);
            case "finished" -> Optional.of(false);
            default -> throw ProblemException.invalidInput("state must be 'running' (queued or running) or 'finished', got '"
                    + state + "'.");
        };
    }

    private static Optional<String> blankToEmpty(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
