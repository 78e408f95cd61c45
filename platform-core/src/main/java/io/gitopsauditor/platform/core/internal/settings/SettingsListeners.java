package io.gitopsauditor.platform.core.internal.settings;

import io.gitopsauditor.plugin.api.EventBus;
import io.gitopsauditor.plugin.api.settings.SettingsChange;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who hears of a change, per owner. Changes are delivered on one platform thread,
 * {@code settings-changes}, never the request's, one at a time and in the order committed.
 */
final class SettingsListeners implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsListeners.class);

    private final Map<String, List<Consumer<SettingsChange>>> byOwner = new ConcurrentHashMap<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("settings-changes").factory());

    EventBus.Subscription add(String owner, Consumer<SettingsChange> listener) {
        List<Consumer<SettingsChange>> owned = byOwner.computeIfAbsent(owner, id -> new CopyOnWriteArrayList<>());
        owned.add(listener);
        return () -> owned.remove(listener);
    }

    void deliver(String owner, SettingsChange change) {
        for (Consumer<SettingsChange> listener : byOwner.getOrDefault(owner, List.of())) {
            thread.execute(() -> {
                try {
                    listener.accept(change);
                } catch (RuntimeException e) {
                    // The exception's type only: its message might quote a value.
                    LOG.warn("{}: a settings listener failed on the change of {}: {}", owner, change.changed(),
                            e.getClass().getSimpleName());
                }
            });
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
