package io.gitopsauditor.platform.core.internal.events;

import io.gitopsauditor.plugin.api.Event;
import io.gitopsauditor.plugin.api.Scope;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * One named channel: its sequence counter, a bounded history of recent frames for clients that
 * resume, and its subscribers. Publishing and attaching take the channel's lock, so a resuming
 * client gets the replay and then the live events, in order, with no gap and no duplicate.
 */
final class Channel {
    private final String name;
    private final String owner;
    private final Scope scope;
    private final int historySize;
    private final ArrayDeque<Frame> history = new ArrayDeque<>();
    private final Set<EventSink> sinks = new CopyOnWriteArraySet<>();
    private final List<SerialListener> listeners = new CopyOnWriteArrayList<>();
    private long sequence;

    record Frame(long sequence, String json) {
    }

    /** What a client is told when it attaches. */
    record Attachment(long latest, long missedFrom, long missedTo, List<String> replay) {
        boolean missedAny() {
            return missedFrom <= missedTo;
        }
    }

    Channel(String name, String owner, Scope scope, int historySize) {
        this.name = name;
        this.owner = owner;
        this.scope = scope;
        this.historySize = historySize;
    }

    String name() {
        return name;
    }

    String owner() {
        return owner;
    }

    /** What a WebSocket subscriber's session or token must cover. */
    Scope scope() {
        return scope;
    }

    synchronized long latest() {
        return sequence;
    }

    /** Records and delivers the event numbered {@code latest() + 1}. */
    synchronized void deliver(Event event, String frame) {
        sequence = event.sequence();
        if (historySize > 0) {
            if (history.size() == historySize) {
                history.removeFirst();
            }
            history.addLast(new Frame(event.sequence(), frame));
        }
        for (EventSink sink : sinks) {
            sink.send(frame);
        }
        for (SerialListener listener : listeners) {
            listener.offer(event);
        }
    }

    /**
     * Adds a client. With {@code since} >= 0 it gets every kept frame after that sequence; what
     * is no longer kept is reported as missed.
     */
    synchronized Attachment attach(EventSink sink, long since) {
        sinks.add(sink);
        if (since < 0 || since >= sequence) {
            return new Attachment(sequence, 1, 0, List.of());
        }
        List<String> replay = new ArrayList<>();
        long oldestKept = history.isEmpty() ? sequence + 1 : history.peekFirst().sequence();
        for (Frame frame : history) {
            if (frame.sequence() > since) {
                replay.add(frame.json());
            }
        }
        long missedFrom = since + 1;
        long missedTo = Math.min(sequence, oldestKept - 1);
        return new Attachment(sequence, missedFrom, missedTo, replay);
    }

    void detach(EventSink sink) {
        sinks.remove(sink);
    }

    void addListener(SerialListener listener) {
        listeners.add(listener);
    }

    void removeListener(SerialListener listener) {
        listeners.remove(listener);
    }
}
