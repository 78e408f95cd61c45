package io.gitopsauditor.platform.core.internal.plugin;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plugin's scheduler: daemon threads named after the plugin, and a task that throws is logged
 * (a plain executor would keep the exception in a future nobody reads). Until the HTTP port is
 * open, a task that falls due waits for it: work a plugin schedules in {@code start} (the audit's
 * first run) would otherwise take the CPU from the boot on a small machine.
 */
final class PluginScheduler extends ScheduledThreadPoolExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(PluginScheduler.class);
    private final String pluginId;
    private final CountDownLatch portOpen;

    /** @param portOpen counted down once the port is open; tasks wait for it before they run */
    PluginScheduler(String pluginId, CountDownLatch portOpen) {
        super(2, threadFactory(pluginId));
        this.pluginId = pluginId;
        this.portOpen = portOpen;
        setRemoveOnCancelPolicy(true);
        setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    protected void beforeExecute(Thread thread, Runnable task) {
        super.beforeExecute(thread, task);
        try {
            portOpen.await();
        } catch (InterruptedException e) {
            // Stopped before the port opened (shutdownNow): the stopped executor cancels the task instead of running it
            // (ScheduledAtStartTest checks this); keep the interrupt for the worker to see.
            thread.interrupt();
        }
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
