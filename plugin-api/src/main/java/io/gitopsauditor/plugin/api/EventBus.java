package io.gitopsauditor.plugin.api;

import java.util.function.Consumer;

/**
 * The platform's event bus. A plugin publishes on its own declared channels; the kernel stamps
 * each event with a per-channel sequence number, keeps a bounded history for clients that
 * reconnect, and fans it out to WebSocket subscribers and to in-process listeners.
 *
 * @since 0.1
 */
public interface EventBus {

    /**
     * Publishes an event on one of this plugin's channels. Never blocks on slow consumers.
     *
     * @param topic   a topic declared with {@link WebSocketRegistrar#channel(String)}
     * @param payload a value Jackson can serialise (a record is ideal)
     * @return the published event, with its sequence number
     * @throws IllegalArgumentException when the topic was not declared by this plugin
     */
    Event publish(String topic, Object payload);

    /**
     * Listens to a channel of any plugin, in process. Listeners run on a platform thread, one
     * event at a time per listener, and must not block for long.
     *
     * @param channel  a full channel name, {@code <plugin-id>.<topic>}
     * @param listener called for each event published after this call
     * @return a handle to stop listening; also stopped when this plugin stops
     */
    Subscription subscribe(String channel, Consumer<Event> listener);

    /**
     * A registered listener.
     *
     * @since 0.1
     */
    interface Subscription extends AutoCloseable {
        /** Stops the listener; further events are not delivered. */
        @Override
        void close();
    }
}
