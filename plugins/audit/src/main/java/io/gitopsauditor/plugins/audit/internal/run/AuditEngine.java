package io.gitopsauditor.plugins.audit.internal.run;

import io.gitopsauditor.plugin.api.inventory.LocalClone;
import io.gitopsauditor.plugin.api.inventory.RepositorySource;
import io.gitopsauditor.plugin.api.inventory.SourceScan;
import io.gitopsauditor.plugin.api.inventory.SourceStatus;
import io.gitopsauditor.plugin.api.inventory.SourceUnavailableException;
import io.gitopsauditor.plugins.audit.internal.inventory.InventoryMatcher;
import io.gitopsauditor.plugins.audit.internal.inventory.SourceOutcome;
import io.gitopsauditor.plugins.audit.internal.inventory.Subject;
import io.gitopsauditor.plugins.audit.internal.inventory.WithoutCredentials;
import io.gitopsauditor.plugins.audit.internal.model.CloneStatus;
import io.gitopsauditor.plugins.audit.internal.model.RepositoryReport;
import io.gitopsauditor.plugins.audit.internal.rules.RepositoryJudge;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Runs audits: lists every source (in parallel), matches clones to hosted repositories, reads each
 * clone (on a bounded pool: disks and JGit do not gain from more) and judges it. A failing source
 * or clone becomes a status or a finding; the run itself always completes.
 */
public final class AuditEngine {
    private final Function<LocalClone, CloneStatus> reader;
    private final RepositoryJudge judge;
    private final int parallelism;
    private final Clock clock;

    /**
     * @param reader      reads one clone; must not throw (a broken clone is a status with a problem)
     * @param judge       turns facts into findings
     * @param parallelism clones read at once
     * @param clock       the time findings such as "stale" are judged against
     */
    public AuditEngine(Function<LocalClone, CloneStatus> reader, RepositoryJudge judge, int parallelism, Clock clock) {
        this.reader = reader;
        this.judge = judge;
        this.parallelism = Math.max(1, parallelism);
        this.clock = clock;
    }

    /** A full audit: every source listed, every clone read. */
    public AuditResult run(List<RepositorySource> sources, AuditProgress progress) throws InterruptedException {
        Instant started = clock.instant();
        InventoryMatcher.Matched inventory = InventoryMatcher.match(scanAll(sources), started);
        stopIfCancelled(progress);
        progress.inventoried(inventory.subjects().size());
        List<RepositoryReport> reports = judgeAll(inventory.subjects(), Map.of(), subject -> true, progress);
        return new AuditResult(inventory, reports, started, clock.instant());
    }

    /**
     * Re-audits only the clones in {@code changed} ({@code null}: every clone), reusing everything
     * else from {@code previous}; no source is listed again. What a file-system change calls for.
     */
    public AuditResult rerun(AuditResult previous, Set<Path> changed, AuditProgress progress) throws InterruptedException {
        Instant started = clock.instant();
        Map<String, CloneStatus> known = new HashMap<>();
        previous.reports().forEach(r -> {
            if (r.local() != null) {
                known.put(r.key(), r.local());
            }
        });
        progress.inventoried(previous.inventory().subjects().size());
        List<RepositoryReport> reports = judgeAll(previous.inventory().subjects(), known,
                subject -> subject.entry().local() != null && (changed == null || changed.contains(subject.entry().local().path())),
                progress);
        return new AuditResult(previous.inventory(), reports, started, clock.instant());
    }

    private List<SourceOutcome> scanAll(List<RepositorySource> sources) throws InterruptedException {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<SourceOutcome>> futures = new ArrayList<>();
            for (RepositorySource source : sources) {
                futures.add(pool.submit(() -> scan(source)));
            }
            List<SourceOutcome> outcomes = new ArrayList<>();
            for (Future<SourceOutcome> future : futures) {
                outcomes.add(await(future));
            }
            return outcomes;
        }
    }

    private SourceOutcome scan(RepositorySource source) throws InterruptedException {
        Instant at = clock.instant();
        try {
            SourceScan scan = WithoutCredentials.of(source.scan());
            String warnings = scan.warnings().isEmpty() ? null : String.join("\n", scan.warnings());
            int count = scan.clones().size() + scan.hosted().size();
            return new SourceOutcome(new SourceStatus(source.id(), source.kind(), source.label(), SourceStatus.State.OK, warnings,
                    count, at), scan);
        } catch (SourceUnavailableException e) {
            return unavailable(source, e.getMessage(), at);
        } catch (RuntimeException e) {
            // A third-party source's bug must not end the run; its message is all that is shown (never a class name).
            return unavailable(source, "the source failed unexpectedly" + (e.getMessage() == null ? "" : ": " + e.getMessage()), at);
        }
    }

    private static SourceOutcome unavailable(RepositorySource source, String message, Instant at) {
        return new SourceOutcome(new SourceStatus(source.id(), source.kind(), source.label(), SourceStatus.State.UNAVAILABLE,
                message, 0, at), null);
    }

    /**
     * Judges every subject. Only clones that must be read again go to a pool (sized to them), so a
     * re-audit after one file changed reads one clone and starts one thread, not a full pool.
     */
    private List<RepositoryReport> judgeAll(List<Subject> subjects, Map<String, CloneStatus> known,
                                            Predicate<Subject> reread, AuditProgress progress)
            throws InterruptedException {
        int total = subjects.size();
        AtomicInteger done = new AtomicInteger();
        Instant now = clock.instant();
        BiFunction<Subject, CloneStatus, RepositoryReport> judgeOne = (subject, clone) -> {
            // The remotes just read decide the link, not those of the last full run (a remote set since then counts).
            Subject current = clone == null || clone.problem() != null ? subject : InventoryMatcher.relink(subject, clone.remotes());
            RepositoryReport report = judge.judge(current, clone, now);
            progress.judged(done.incrementAndGet(), total, report);
            return report;
        };
        Map<Boolean, List<Subject>> byRead = subjects.stream().collect(Collectors.partitioningBy(subject ->
                subject.entry().local() != null && (reread.test(subject) || !known.containsKey(subject.entry().key()))));
        List<Subject> toRead = byRead.get(true);
        List<RepositoryReport> reports = new ArrayList<>(total);
        if (!toRead.isEmpty()) {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, toRead.size()),
                    Thread.ofPlatform().daemon().name("audit-read-", 0).factory());
            try {
                List<Future<RepositoryReport>> futures = new ArrayList<>(toRead.size());
                for (Subject subject : toRead) {
                    futures.add(pool.submit(() -> judgeOne.apply(subject, reader.apply(subject.entry().local()))));
                }
                for (Future<RepositoryReport> future : futures) {
                    stopIfCancelled(progress);
                    reports.add(await(future));
                }
            } finally {
                pool.shutdownNow();
            }
        }
        for (Subject subject : byRead.get(false)) {
            stopIfCancelled(progress);
            reports.add(judgeOne.apply(subject, subject.entry().local() == null ? null : known.get(subject.entry().key())));
        }
        reports.sort(Comparator.comparing(RepositoryReport::key));
        return reports;
    }

    /**
     * A cancel interrupts the run's thread too, but a source or clone reader may swallow the interrupt:
     * the flag is checked between repositories as well.
     */
    private static void stopIfCancelled(AuditProgress progress) throws InterruptedException {
        if (progress.cancelled() || Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("the audit run was cancelled");
        }
    }

    private static <T> T await(Future<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
