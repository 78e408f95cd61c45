package io.gitopsauditor.plugins.audit.internal.local;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Learns which clones changed from the operating system (inotify on Linux) instead of walking them:
 * every folder of each working tree is registered, plus the parts of {@code .git} that a commit,
 * checkout, fetch or stash rewrites ({@code .git} itself, {@code refs/**}, {@code logs/refs/**}),
 * but not {@code objects/}. Folders created later are registered as they appear.
 *
 * <p>When a clone cannot be registered (Linux's {@code fs.inotify.max_user_watches} is reached:
 * "User limit of inotify watches reached"), that clone falls back to polling its
 * {@link ChangeDetector#fingerprint full fingerprint}; {@link #pollingFallbacks()} says which and why.
 */
public final class WorkingTreeWatcher implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(WorkingTreeWatcher.class.getName());

    /** Registers one folder; a seam so tests can simulate an exhausted watch limit. */
    @FunctionalInterface
    interface Registrar {
        WatchKey register(Path dir, WatchService service) throws IOException;
    }

    /**
     * @param owner     the clone the folder belongs to
     * @param insideGit whether it is a Git folder, whose lock files are noise
     * @param recursive whether folders created in it are watched too (not so for {@code .git} itself: {@code objects/})
     */
    private record Watched(Path owner, Path dir, boolean insideGit, boolean recursive) {
    }

    private final Set<String> skippedFolders;
    private final ChangeDetector detector;
    private final Duration debounce;
    private final Registrar registrar;
    private final WatchService service;
    private final Map<WatchKey, Watched> keys = new ConcurrentHashMap<>();
    private final Set<Path> changed = ConcurrentHashMap.newKeySet();
    private final Map<Path, Long> lastEventNanos = new ConcurrentHashMap<>();
    private final Map<Path, Fingerprint> polled = new ConcurrentHashMap<>();
    private final Map<Path, String> fallbackReasons = new ConcurrentHashMap<>();
    private final List<Consumer<Path>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer;
    private final Thread eventThread;

    /** A watcher with the default skipped folders, a 300 ms debounce and 10 s polling for fallbacks. */
    public WorkingTreeWatcher() throws IOException {
        this(LocalFolderSource.DEFAULT_SKIPPED_FOLDERS, Duration.ofMillis(300), Duration.ofSeconds(10));
    }

    /**
     * @param skippedFolders working-tree folder names not watched (dependencies, build output)
     * @param debounce       quiet time after a clone's last event before listeners hear of it
     * @param pollInterval   how often clones that could not be registered are fingerprinted
     */
    public WorkingTreeWatcher(Set<String> skippedFolders, Duration debounce, Duration pollInterval) throws IOException {
        this(skippedFolders, debounce, pollInterval, (dir, service) -> dir.register(service,
                StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY));
    }

    WorkingTreeWatcher(Set<String> skippedFolders, Duration debounce, Duration pollInterval, Registrar registrar) throws IOException {
        this.skippedFolders = Set.copyOf(skippedFolders);
        this.detector = new ChangeDetector(skippedFolders);
        this.debounce = debounce;
        this.registrar = registrar;
        this.service = FileSystems.getDefault().newWatchService();
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("clone-watch-timer").daemon().factory());
        long tick = Math.max(50, debounce.toMillis() / 3);
        timer.scheduleWithFixedDelay(this::fireQuietClones, tick, tick, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::pollFallbacks, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        this.eventThread = Thread.ofPlatform().name("clone-watch-events").daemon().start(this::readEvents);
    }

    /**
     * Starts watching clones (working trees or bare repositories). A clone that cannot be
     * registered is polled instead; watching a clone twice is harmless.
     */
    public void watch(Collection<Path> clones) {
        for (Path clone : clones) {
            Path path = clone.toAbsolutePath().normalize();
            try {
                registerClone(path);
            } catch (IOException | RuntimeException e) {
                fallBackToPolling(path, Problems.describe(e));
            }
        }
    }

    /** @return the clones with events since the last call, and forgets them: cheap, for a periodic re-audit */
    public Set<Path> drainChanged() {
        Set<Path> drained = Set.copyOf(changed);
        changed.removeAll(drained);
        return drained;
    }

    /** @param listener hears each changed clone once its events have been quiet for the debounce time */
    public void addListener(Consumer<Path> listener) {
        listeners.add(listener);
    }

    /** @return clones being polled instead of watched, with the reason registration failed */
    public Map<Path, String> pollingFallbacks() {
        return Map.copyOf(fallbackReasons);
    }

    @Override
    public void close() throws IOException {
        timer.shutdownNow();
        service.close(); // wakes the event thread with ClosedWatchServiceException
        eventThread.interrupt();
    }

    private void registerClone(Path clone) throws IOException {
        GitDirs dirs = GitDirs.of(clone).orElse(null);
        if (dirs != null) {
            register(clone, dirs.gitDir(), true, false);
            for (Path gitTree : List.of(dirs.commonDir().resolve("refs"), dirs.commonDir().resolve("logs/refs"))) {
                if (Files.isDirectory(gitTree)) {
                    registerTree(clone, gitTree, true);
                }
            }
            if (dirs.linkedWorktree()) {
                register(clone, dirs.commonDir(), true, false); // packed-refs, config, FETCH_HEAD
            }
        }
        if (dirs == null || !dirs.gitDir().equals(clone)) {
            registerTree(clone, clone, false);
        }
    }

    private void registerTree(Path clone, Path top, boolean insideGit) throws IOException {
        Files.walkFileTree(top, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                if (!dir.equals(top) && !insideGit && (name.equals(".git") || skippedFolders.contains(name))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                register(clone, dir, insideGit, true);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // vanished or unreadable: nothing to watch there
            }
        });
    }

    private void register(Path clone, Path dir, boolean insideGit, boolean recursive) throws IOException {
        keys.put(registrar.register(dir, service), new Watched(clone, dir, insideGit, recursive));
    }

    private void fallBackToPolling(Path clone, String reason) {
        // Free the watches this clone took before failing: other clones may still fit under the limit.
        keys.entrySet().removeIf(entry -> {
            if (entry.getValue().owner().equals(clone)) {
                entry.getKey().cancel();
                return true;
            }
            return false;
        });
        fallbackReasons.put(clone, reason);
        polled.put(clone, detector.fingerprint(clone));
        LOG.log(System.Logger.Level.WARNING, "cannot watch " + Printable.path(clone) + " (" + reason
                + "); polling it instead. On Linux, raise fs.inotify.max_user_watches.");
    }

    private void readEvents() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = service.take();
                Watched watched = keys.get(key);
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (watched != null && matters(watched, event)) {
                        markChanged(watched.owner());
                        registerNewFolder(watched, event);
                    }
                }
                if (!key.reset() && watched != null) {
                    keys.remove(key); // the folder is gone
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    /** Lock files come and go around every Git command, even read-only ones that refresh the index. */
    private static boolean matters(Watched watched, WatchEvent<?> event) {
        if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
            return true;
        }
        String name = event.context().toString();
        return !(watched.insideGit() && (name.endsWith(".lock") || name.equals("objects")));
    }

    private void registerNewFolder(Watched watched, WatchEvent<?> event) {
        if (event.kind() != StandardWatchEventKinds.ENTRY_CREATE) {
            return;
        }
        Path created = watched.dir().resolve((Path) event.context());
        String name = created.getFileName().toString();
        boolean wanted = watched.recursive() && (watched.insideGit() || !name.equals(".git") && !skippedFolders.contains(name));
        if (wanted && Files.isDirectory(created)) {
            try {
                registerTree(watched.owner(), created, watched.insideGit());
            } catch (IOException e) {
                fallBackToPolling(watched.owner(), Problems.describe(e));
            }
        }
    }

    private void markChanged(Path clone) {
        changed.add(clone);
        lastEventNanos.put(clone, System.nanoTime());
    }

    private void fireQuietClones() {
        long now = System.nanoTime();
        for (Map.Entry<Path, Long> entry : lastEventNanos.entrySet()) {
            if (now - entry.getValue() >= debounce.toNanos() && lastEventNanos.remove(entry.getKey(), entry.getValue())) {
                for (Consumer<Path> listener : listeners) {
                    try {
                        listener.accept(entry.getKey());
                    } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.WARNING, "a clone change listener failed", e);
                    }
                }
            }
        }
    }

    private void pollFallbacks() {
        for (Map.Entry<Path, Fingerprint> entry : polled.entrySet()) {
            Fingerprint now = detector.fingerprint(entry.getKey());
            if (!now.equals(entry.getValue())) {
                entry.setValue(now);
                markChanged(entry.getKey());
            }
        }
    }
}
