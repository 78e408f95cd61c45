package io.gitopsauditor.platform.core.testkit;

import java.nio.file.Path;

/**
 * A real plugin jar, {@code gated}, whose jobs wait at a gate: {@code POST /api/gated/jobs?key=&fail=}
 * starts one (kind {@code gated.work}; it reports 1 of 3, waits, reports 2 and 3 and succeeds, or
 * fails with {@code fail} as its message), {@code POST /api/gated/jobs/{id}/release} opens its gate.
 */
public final class GatedJobPlugin {
    private GatedJobPlugin() {
    }

    public static void buildInto(Path pluginsDir) throws Exception {
        PluginJarBuilder.simplePlugin("test.gated", "gated", "0.2", """
                static final java.util.Map<String, java.util.concurrent.CountDownLatch> GATES = new java.util.concurrent.ConcurrentHashMap<>();
                static volatile PluginContext context;
                public void register(PluginContext c) { context = c; c.rest().resource(new Api()); }
                @jakarta.ws.rs.Path("jobs")
                @jakarta.ws.rs.Produces("application/json")
                public static final class Api {
                    @jakarta.ws.rs.POST
                    public java.util.Map<String, String> start(@jakarta.ws.rs.QueryParam("key") String key,
                            @jakarta.ws.rs.QueryParam("fail") String fail,
                            @jakarta.ws.rs.core.Context jakarta.ws.rs.core.SecurityContext caller) {
                        java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
                        io.gitopsauditor.plugin.api.jobs.JobRequest request =
                                io.gitopsauditor.plugin.api.jobs.JobRequest.of("gated.work", "Gated work").startedBy(caller);
                        if (key != null) { request = request.key(key); }
                        io.gitopsauditor.plugin.api.jobs.Job job = context.jobs().start(request, handle -> {
                            handle.progress(1, 3, "first step");
                            gate.await();
                            handle.checkCancelled();
                            handle.progress(2, 3, "second step");
                            if (fail != null) { throw new IllegalStateException(fail); }
                            handle.progress(3, 3, "last step");
                            return io.gitopsauditor.plugin.api.jobs.JobOutcome.of("Did 3 steps", "/gated/" + handle.id());
                        });
                        GATES.put(job.id(), gate);
                        return java.util.Map.of("id", job.id());
                    }
                    @jakarta.ws.rs.POST @jakarta.ws.rs.Path("{id}/release")
                    public void release(@jakarta.ws.rs.PathParam("id") String id) { GATES.get(id).countDown(); }
                }
                """).buildInto(pluginsDir, "gated.jar");
    }
}
