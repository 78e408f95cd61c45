package io.gitopsauditor.platform.core.internal.events;

import io.gitopsauditor.plugin.api.Event;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process listener fed one event at a time on a shared executor, with a bounded backlog:
 * a listener that falls 10,000 events behind loses the newest and says so in the log, rather than
 * blocking the publisher or growing memory.
 */
final class SerialListener {
    private static final Logger LOG = LoggerFactory.getLogger(SerialListener.class);
    private static final int BACKLOG = 10_000;

    private final String subscriber;
    private final Consumer<Event> listener;
    private final Executor executor;
    private final BlockingQueue<Event> backlog = new ArrayBlockingQueue<>(BACKLOG);
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile boolean closed;

    SerialListener(String subscriber, Consumer<Event> listener, Executor executor) {
        this.subscriber = subscriber;
        this.listener = listener;
        this.executor = executor;
    }

    void offer(Event event) {
        if (closed) {
            return;
        }
        if (!backlog.offer(event)) {
            LOG.warn("{}: listener on {} is {} events behind; dropped event {}", subscriber, event.channel(), BACKLOG,
                    event.sequence());
            return;
        }
        if (scheduled.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    void close() {
        closed = true;
        backlog.clear();
    }

    private void drain() {
        Event event;
        while (!closed && (event = backlog.poll()) != null) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("{}: listener on {} failed on event {}", subscriber, event.channel(), event.sequence(), e);
            }
        }
        scheduled.set(false);
        if (!closed && !backlog.isEmpty() && scheduled.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }
}
