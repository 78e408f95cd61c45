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
     * Listens to a channel of any plugin, in process. Call it from {@code start}: every plugin's
     * channels are declared by then. Listeners run on virtual threads, one event at a time per
     * listener; a listener more than 10,000 events behind loses events (logged). Since plugins do
     * not share classes, read another plugin's payload through {@link Event#payloadJson()}.
     *
     * @param channel  a full channel name, {@code <plugin-id>.<topic>}
     * @param listener called for each event published after this call
     * @return a handle to stop listening; also stopped when this plugin stops
     * @throws IllegalArgumentException when no plugin declared that channel
     * @throws PluginStateException when called during {@code register}
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
