package io.gitopsauditor.plugins.audit.internal.rest;

import io.gitopsauditor.plugin.api.ProblemException;
import io.gitopsauditor.plugin.api.inventory.InventorySnapshot;
import io.gitopsauditor.plugins.audit.internal.AuditSettings;
import io.gitopsauditor.plugins.audit.internal.export.Exports;
import io.gitopsauditor.plugins.audit.internal.fix.FixPlan;
import io.gitopsauditor.plugins.audit.internal.fix.FixPlanner;
import io.gitopsauditor.plugins.audit.internal.fix.FixRunner;
import io.gitopsauditor.plugins.audit.internal.model.RepositoryReport;
import io.gitopsauditor.plugins.audit.internal.model.RunSummary;
import io.gitopsauditor.plugins.audit.internal.run.AuditService;
import io.gitopsauditor.plugins.audit.internal.run.RunProgress;
import io.gitopsauditor.plugins.audit.internal.store.AuditStore;
import io.gitopsauditor.plugins.audit.internal.store.FixRecord;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** {@code /api/audit}: the fleet's state, runs and their history, comparisons, exports and safe fixes. See docs/audit.md. */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public final class AuditResource {
    private final AuditService service;
    private final AuditStore store;
    private final java.util.function.Supplier<AuditSettings> settings;
    private final FixPlanner planner;
    private final FixRunner runner;

    public AuditResource(AuditService service, AuditStore store, java.util.function.Supplier<AuditSettings> settings,
                         FixPlanner planner, FixRunner runner) {
        this.service = service;
        this.store = store;
        this.settings = settings;
        this.planner = planner;
        this.runner = runner;
    }

    /**
     * The home page's numbers.
     *
     * @param current   the current state counted (the last run plus live changes), absent before the first run
     * @param updatedAt when the current state last changed
     * @param running   the run in progress, if any
     * @param lastRun   the last stored run
     * @param settings  what is audited
     */
    public record Summary(RunSummary current, Instant updatedAt, RunProgress running, RunSummary lastRun, SettingsView settings) {
    }

    /** What the audit covers, from its settings now (the Settings page, the file or the environment). */
    public record SettingsView(List<String> roots, List<String> githubOwners, int depth, String schedule, boolean watch,
                               String cloneRoot) {
        static SettingsView of(AuditSettings s) {
            return new SettingsView(s.roots().stream().map(Object::toString).toList(), s.githubOwners(), s.depth(),
                    s.schedule().isZero() ? "off" : s.schedule().toString(), s.watch(),
                    s.cloneRoot() == null ? null : s.cloneRoot().toString());
        }
    }

    @GET
    @Path("summary")
    public Summary summary() {
        RunSummary last = store.runs(0, 1).stream().findFirst().orElse(null);
        return new Summary(service.currentSummary().orElse(null), service.updatedAt().orElse(null),
                service.running().orElse(null), last, SettingsView.of(settings.get()));
    }

    @GET
    @Path("repositories")
    public RepositoryQuery.Page repositories(@QueryParam("state") List<String> state, @QueryParam("severity") String severity,
                                             @QueryParam("risk") List<String> risk, @QueryParam("source") String source,
                                             @QueryParam("q") String text, @QueryParam("sort") String sort,
                                             @QueryParam("order") String order,
                                             @QueryParam("offset") @DefaultValue("0") int offset,
                                             @QueryParam("limit") @DefaultValue("100") int limit) {
        return RepositoryQuery.parse(state, severity, risk, source, text, sort, order, offset, limit).apply(service.reports());
    }

    @GET
    @Path("repositories/{id}")
    public RepositoryReport repository(@PathParam("id") String id) {
        return find(id);
    }

    @GET
    @Path("repositories/{id}/history")
    public List<AuditStore.HistoryEntry> history(@PathParam("id") String id, @QueryParam("limit") @DefaultValue("50") int limit) {
        find(id);
        requireRange("limit", limit, 1, 1000);
        return store.history(id, limit);
    }

    @GET
    @Path("repositories/{id}/fixes")
    public List<FixPlan> fixes(@PathParam("id") String id) {
        return planner.plans(find(id));
    }

    /** {@code {"dryRun": true}} previews and checks only; {@code false} runs the fix. */
    public record FixRequest(Boolean dryRun) {
    }

    @POST
    @Path("repositories/{id}/fixes/{fix}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response fix(@PathParam("id") String id, @PathParam("fix") String fix, FixRequest request) {
        RepositoryReport report = find(id);
        FixPlan plan = planner.plans(report).stream().filter(p -> p.fix().equals(fix)).findFirst()
                .orElseThrow(() -> ProblemException.invalidInput("The fix '" + fix + "' is not offered for " + report.name()
                        + "; GET /api/audit/repositories/" + id + "/fixes lists those that are."));
        boolean dryRun = request == null || request.dryRun() == null || request.dryRun();
        if (dryRun) {
            FixRecord record = store.recordFix(new FixRecord(0, Instant.now(), report.id(), report.key(), fix, true, plan.commands(),
                    plan.possible() ? "previewed" : "blocked", plan.possible() ? "Would run: " + String.join("; ", plan.commands())
                            : plan.blocker()));
            return Response.ok(record).build();
        }
        FixRecord record;
        try {
            String message = runner.run(report, plan);
            record = store.recordFix(new FixRecord(0, Instant.now(), report.id(), report.key(), fix, false, plan.commands(), "done", message));
        } catch (FixRunner.FixFailedException e) {
            store.recordFix(new FixRecord(0, Instant.now(), report.id(), report.key(), fix, false, plan.commands(), "failed", e.getMessage()));
            throw new ProblemException(422, "Fix failed", e.getMessage());
        }
        if (report.local() != null) {
            service.clonesChanged(Set.of(report.local().path()));
        } else if (service.running().isEmpty()) {
            service.start("fix", "full");
        }
        return Response.status(Response.Status.CREATED).entity(record).build();
    }

    @GET
    @Path("fixes")
    public List<FixRecord> fixLog(@QueryParam("repository") String repository, @QueryParam("limit") @DefaultValue("100") int limit) {
        requireRange("limit", limit, 1, 1000);
        return store.fixes(repository, limit);
    }

    /**
     * A page of runs.
     *
     * @param total every stored run
     * @param items this page, newest first
     */
    public record RunPage(int total, List<RunSummary> items) {
    }

    @GET
    @Path("runs")
    public RunPage runs(@QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit) {
        requireRange("offset", offset, 0, Integer.MAX_VALUE);
        requireRange("limit", limit, 1, 1000);
        return new RunPage(store.runCount(), store.runs(offset, limit));
    }

    /** {@code {"mode": "full"}} (default) or {@code "changed"}. */
    public record RunRequest(String mode) {
    }

    @POST
    @Path("runs")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response startRun(RunRequest request) {
        String mode = request == null || request.mode() == null ? "full" : request.mode();
        if (!mode.equals("full") && !mode.equals("changed")) {
            throw ProblemException.invalidInput("mode must be full or changed, got '" + mode + "'");
        }
        RunProgress run = service.start("manual", mode);
        return Response.accepted(run).header("Location", "/api/audit/runs/" + run.runId()).build();
    }

    @GET
    @Path("runs/{id}")
    public RunSummary run(@PathParam("id") long id) {
        return store.run(id).orElseThrow(() -> ProblemException.notFound("No audit run " + id + "; GET /api/audit/runs lists them."));
    }

    @GET
    @Path("runs/{id}/repositories")
    public RepositoryQuery.Page runRepositories(@PathParam("id") long id, @QueryParam("state") List<String> state,
                                                @QueryParam("severity") String severity, @QueryParam("risk") List<String> risk,
                                                @QueryParam("source") String source, @QueryParam("q") String text,
                                                @QueryParam("sort") String sort, @QueryParam("order") String order,
                                                @QueryParam("offset") @DefaultValue("0") int offset,
                                                @QueryParam("limit") @DefaultValue("100") int limit) {
        run(id);
        return RepositoryQuery.parse(state, severity, risk, source, text, sort, order, offset, limit).apply(store.reports(id));
    }

    @GET
    @Path("runs/{id}/diff")
    public RunDiff diff(@PathParam("id") long id, @QueryParam("against") Long against) {
        RunSummary newer = run(id);
        long olderId;
        if (against != null) {
            olderId = run(against).id();
        } else {
            olderId = store.previousFinishedRun(newer.id())
                    .orElseThrow(() -> ProblemException.invalidInput("Run " + id + " is the first finished run: there is nothing to compare it with."));
        }
        return RunDiff.between(olderId, store.reports(olderId), newer.id(), store.reports(newer.id()));
    }

    @GET
    @Path("runs/{id}/export")
    @Produces({MediaType.APPLICATION_JSON, "text/markdown", "text/csv"})
    public Response export(@PathParam("id") long id, @QueryParam("format") @DefaultValue("json") String format) {
        if (!Exports.FORMATS.contains(format)) {
            throw ProblemException.invalidInput("format must be one of " + String.join(", ", Exports.FORMATS) + ", got '" + format + "'");
        }
        RunSummary summary = run(id);
        String body = Exports.write(format, summary, store.reports(id));
        return Response.ok(body, Exports.mediaType(format))
                .header("Content-Disposition", "attachment; filename=\"audit-run-" + id + "." + Exports.extension(format) + "\"")
                .build();
    }

    @GET
    @Path("inventory")
    public InventorySnapshot inventory() {
        return service.snapshot();
    }

    private RepositoryReport find(String id) {
        return service.reports().stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("No repository with id '" + id + "' in the current audit; "
                        + "GET /api/audit/repositories lists them."));
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw ProblemException.invalidInput(name + " must be between " + min + " and " + max + ", got " + value);
        }
    }
}
