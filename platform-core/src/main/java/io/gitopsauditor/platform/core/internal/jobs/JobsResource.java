package io.gitopsauditor.platform.core.internal.jobs;

import io.gitopsauditor.plugin.api.ProblemException;
import io.gitopsauditor.plugin.api.list.ListSpec;
import io.gitopsauditor.plugin.api.list.Page;
import io.gitopsauditor.plugin.api.list.PageRequest;
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
    static final String SORT = "-startedAt";
    /** Newest first is the one order: live jobs come from memory, finished ones from the database. */
    private static final ListSpec LIST = ListSpec.sortable(SORT, "startedAt");

    private final JobService jobs;

    public JobsResource(JobService jobs) {
        this.jobs = jobs;
    }

    @GET
    public Page<JobView> list(@QueryParam("state") String state, @QueryParam("plugin") String plugin,
                              @QueryParam("kind") String kind, @QueryParam("offset") String offset,
                              @QueryParam("limit") String limit, @QueryParam("sort") String sort) {
        if (sort != null && !sort.isBlank() && !SORT.equals(sort.strip())) {
            throw ProblemException.invalidInput("Jobs are listed newest first only: sort may be '" + SORT + "', got '" + sort + "'.");
        }
        PageRequest page = PageRequest.parse(LIST, offset, limit, null);
        return jobs.list(new JobFilter(running(state), blankToEmpty(plugin), blankToEmpty(kind)), page.offset(), page.limit());
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
