package io.gitopsauditor.platform.core.internal.jobs;

import io.gitopsauditor.plugin.api.jobs.Job;
import io.gitopsauditor.plugin.api.jobs.JobRequest;
import io.gitopsauditor.plugin.api.jobs.JobTask;
import io.gitopsauditor.plugin.api.jobs.Jobs;
import java.util.List;
import java.util.Optional;

/** One plugin's view of the jobs: it starts jobs of its own kinds and sees only its own. */
public final class PluginJobs implements Jobs {
    private final JobService service;
    private final String plugin;
    private final Runnable requireStarted;

    /** {@code requireStarted} throws while the plugin may not start jobs yet (in register: no database). */
    PluginJobs(JobService service, String plugin, Runnable requireStarted) {
        this.service = service;
        this.plugin = plugin;
        this.requireStarted = requireStarted;
    }

    @Override
    public Job start(JobRequest request, JobTask task) {
        requireStarted.run();
        return service.start(plugin, request, task);
    }

    @Override
    public Optional<Job> find(String id) {
        return service.find(id).filter(job -> job.plugin().equals(plugin));
    }

    @Override
    public List<Job> interruptedAtStart() {
        return service.interruptedAtStart(plugin);
    }
}
