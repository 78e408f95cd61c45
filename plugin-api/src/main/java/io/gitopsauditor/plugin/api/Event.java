package io.gitopsauditor.plugin.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One event on a channel.
 *
 * @param channel     the full channel name, {@code <plugin-id>.<topic>}
 * @param sequence    1 for the first event on the channel since the platform started, then +1 each
 * @param time        when it was published
 * @param payload     what the publisher sent (its class belongs to the publishing plugin)
 * @param payloadJson the payload as JSON, exactly as WebSocket clients receive it in {@code data}
 * @since 0.1
 */
public record Event(String channel, long sequence, Instant time, Object payload, String payloadJson) {
    /**
     * @throws NullPointerException when a field is missing
     */
    public Event {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(payloadJson, "payloadJson");
    }
}
