package io.gitopsauditor.plugin.api;

/**
 * Declares the WebSocket channels a plugin publishes. Clients of {@code /ws} subscribe to a
 * channel by its full name, {@code <plugin-id>.<topic>}; see {@code docs/websocket.md}.
 *
 * <p>Each channel says which {@link Scope} its subscribers need: a connection whose session or
 * token has less is refused that channel (with the protocol's {@code error} message; its other
 * subscriptions stand). Events are what the REST API would show: a channel whose events only an
 * admin may read (secret changes, pipeline logs) is declared with {@link Scope#ADMIN}.
 *
 * <pre>{@code
 * String progress = context.websocket().channel("run.progress");            // any read token
 * String logs = context.websocket().channel("logs", Scope.WRITE);           // writers and admins
 * }</pre>
 *
 * @since 0.1
 */
public interface WebSocketRegistrar {

    /**
     * Declares a channel that every caller with {@link Scope#READ} may subscribe to. Only
     * declared channels can be published on.
     *
     * @param topic lower-case letters, digits, dashes and dots, e.g. {@code run.progress}
     * @return the full channel name, {@code <plugin-id>.<topic>}
     * @throws IllegalArgumentException when the topic is malformed
     */
    default String channel(String topic) {
        return channel(topic, Scope.READ);
    }

    /**
     * Declares a channel whose subscribers need the given scope.
     *
     * @param topic lower-case letters, digits, dashes and dots, e.g. {@code secrets}
     * @param scope what a connection's session or token must cover to subscribe
     * @return the full channel name, {@code <plugin-id>.<topic>}
     * @throws IllegalArgumentException when the topic is malformed, or the channel was already
     *                                  declared with another scope
     * @since 0.2
     */
    String channel(String topic, Scope scope);
}
