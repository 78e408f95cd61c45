package io.gitopsauditor.plugin.api;

/**
 * Declares the WebSocket channels a plugin publishes. Clients of {@code /ws} subscribe to a
 * channel by its full name, {@code <plugin-id>.<topic>}; see {@code docs/websocket.md}.
 *
 * @since 0.1
 */
public interface WebSocketRegistrar {

    /**
     * Declares a channel. Only declared channels can be published on.
     *
     * @param topic lower-case letters, digits, dashes and dots, e.g. {@code run.progress}
     * @return the full channel name, {@code <plugin-id>.<topic>}
     * @throws IllegalArgumentException when the topic is malformed
     */
    String channel(String topic);
}
