package io.gitopsauditor.plugins.audit.internal;

import io.gitopsauditor.plugin.api.inventory.CloneKind;
import io.gitopsauditor.plugins.audit.internal.local.WorkingTreeWatcher;
import io.gitopsauditor.plugins.audit.internal.run.AuditResult;
import io.gitopsauditor.plugins.audit.internal.run.AuditService;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the current state live: watches every clone of the last run, and re-reads a clone as soon
 * as its events settle. Disabled with {@code plugins.audit.watch: false}; then a {@code changed}
 * run re-reads every clone.
 */
final class CloneWatch implements AutoCloseable {
    private final WorkingTreeWatcher watcher;
    private final System.Logger log;
    private final Set<Path> watched = new HashSet<>();

    CloneWatch(AuditSettings settings, AuditService service, System.Logger log) {
        this.log = log;
        WorkingTreeWatcher created = null;
        if (settings.watch()) {
            try {
                created = new WorkingTreeWatcher(settings.skip(), Duration.ofMillis(300), Duration.ofSeconds(10));
                created.addListener(clone -> service.clonesChanged(Set.of(clone)));
            } catch (IOException e) {
                log.log(System.Logger.Level.WARNING, "cannot watch clones for changes ({0}); changes show at the next run", e.getMessage());
            }
        }
        this.watcher = created;
        service.changesFrom(() -> watcher == null ? null : watcher.drainChanged());
    }

    /** Watches the clones of a new inventory (clones already watched are left as they are). */
    synchronized void follow(AuditResult result) {
        if (watcher == null) {
            return;
        }
        List<Path> clones = result.inventory().subjects().stream()
                .map(subject -> subject.entry().local())
                .filter(local -> local != null && local.kind() != CloneKind.NOT_A_REPOSITORY && local.kind() != CloneKind.UNREADABLE)
                .map(local -> local.path())
                .filter(watched::add)
                .toList();
        watcher.watch(clones);
        if (!watcher.pollingFallbacks().isEmpty()) {
            log.log(System.Logger.Level.WARNING, "{0} clone(s) are polled every 10 s instead of watched: {1}",
                    watcher.pollingFallbacks().size(), watcher.pollingFallbacks().values().iterator().next());
        }
    }

    @Override
    public void close() {
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                log.log(System.Logger.Level.DEBUG, "closing the clone watcher: {0}", e.getMessage());
            }
        }
    }
}
