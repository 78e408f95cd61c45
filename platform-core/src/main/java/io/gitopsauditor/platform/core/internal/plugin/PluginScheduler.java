package io.gitopsauditor.platform.core.internal.plugin;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plugin's scheduler: daemon threads named after the plugin, and a task that throws is logged
 * (a plain executor would keep the exception in a future nobody reads).
 */
final class PluginScheduler extends ScheduledThreadPoolExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(PluginScheduler.class);
    private final String pluginId;

    PluginScheduler(String pluginId) {
        super(2, threadFactory(pluginId));
        this.pluginId = pluginId;
        setRemoveOnCancelPolicy(true);
        setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    private static java.util.concurrent.ThreadFactory threadFactory(String pluginId) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "plugin-" + pluginId + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    protected void afterExecute(Runnable task, Throwable thrown) {
        super.afterExecute(task, thrown);
        if (thrown == null && task instanceof Future<?> future && future.isDone()) {
            try {
                future.get();
            } catch (CancellationException ignored) {
                // cancelled on purpose
            } catch (ExecutionException e) {
                thrown = e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (thrown != null) {
            LOG.warn("{}: a scheduled task failed", pluginId, thrown);
        }
    }
}
