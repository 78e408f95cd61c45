package io.gitopsauditor.platform.core.internal.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitopsauditor.plugin.api.Event;
import io.gitopsauditor.plugin.api.EventBus;
import io.gitopsauditor.plugin.api.Scope;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The platform's event bus and WebSocket fan-out. Channels are declared by their owner plugin;
 * each event is rendered to its JSON frame once and handed to every subscriber's bounded queue.
 * The {@link #epoch()} changes on every start, so a client can tell that sequence numbers restarted.
 */
public final class EventHub implements AutoCloseable {
    private static final Pattern TOPIC = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");

    private final ObjectMapper json;
    private final int historySize;
    private final String epoch = UUID.randomUUID().toString();
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private final ExecutorService listenerExecutor = Executors.newVirtualThreadPerTaskExecutor();

    public EventHub(ObjectMapper json, int historySize) {
        this.json = json;
        this.historySize = historySize;
    }

    public String epoch() {
        return epoch;
    }

    /** Declares {@code <owner>.<topic>} for any caller with read scope; returns the full name. */
    public String declare(String owner, String topic) {
        return declare(owner, topic, Scope.READ);
    }

    /**
     * Declares {@code <owner>.<topic>}, whose WebSocket subscribers need {@code scope}; returns the
     * full name. In-process listeners (other plugins) are not checked: plugins are trusted code.
     */
    public String declare(String owner, String topic, Scope scope) {
        java.util.Objects.requireNonNull(scope, owner + ": channel scope");
        if (topic == null || !TOPIC.matcher(topic).matches()) {
            throw new IllegalArgumentException(owner + ": channel topic '" + topic
                    + "' must be lower-case letters, digits, dots and dashes, at most 64 characters");
        }
        String name = owner + "." + topic;
        Channel channel = channels.computeIfAbsent(name, n -> new Channel(n, owner, scope, historySize));
        if (channel.scope() != scope) {
            throw new IllegalArgumentException(owner + ": channel '" + name + "' was declared with the "
                    + channel.scope().name().toLowerCase(java.util.Locale.ROOT) + " scope, not "
                    + scope.name().toLowerCase(java.util.Locale.ROOT));
        }
        return name;
    }

    /** Removes every channel an owner declared (its plugin failed or stopped). */
    public void removeOwner(String owner) {
        channels.values().removeIf(channel -> channel.owner().equals(owner));
    }

    /** The scope a WebSocket subscriber of the channel needs, if the channel exists. */
    public java.util.Optional<Scope> scopeOf(String channelName) {
        return java.util.Optional.ofNullable(channels.get(channelName)).map(Channel::scope);
    }

    public Set<String> channelNames() {
        return new TreeSet<>(channels.keySet());
    }

    public Event publish(String owner, String topic, Object payload) {
        String name = owner + "." + topic;
        Channel channel = channels.get(name);
        if (channel == null || !channel.owner().equals(owner)) {
            throw new IllegalArgumentException(owner + ": cannot publish on '" + name
                    + "': declare it first with context.websocket().channel(\"" + topic + "\")");
        }
        if (payload == null) {
            throw new IllegalArgumentException(owner + ": event payload on '" + name + "' must not be null");
        }
        synchronized (channel) {
            // Rendered before it is numbered for good: a payload Jackson cannot write leaves no gap.
            long sequence = channel.latest() + 1;
            Instant time = Instant.now();
            String data = payloadJson(name, payload);
            Event event = new Event(name, sequence, time, payload, data);
            channel.deliver(event, frame(event));
            return event;
        }
    }

    /** In-process subscription, delivered one event at a time on a virtual thread. */
    public EventBus.Subscription listen(String subscriber, String channelName, Consumer<Event> listener) {
        SerialListener serial = new SerialListener(subscriber, listener, listenerExecutor);
        Channel channel = channels.get(channelName);
        if (channel == null) {
            throw new IllegalArgumentException(subscriber + ": no channel named '" + channelName + "'; channels are "
                    + channelNames());
        }
        channel.addListener(serial);
        return () -> {
            serial.close();
            channel.removeListener(serial);
        };
    }

    /**
     * Attaches a WebSocket client to a channel and sends it, before any live event, the
     * {@code subscribed} reply, any {@code missed} notice and the replay (see {@code docs/websocket.md}).
     * All of it happens under the channel's lock, so nothing published meanwhile can overtake the replay.
     *
     * @param since       the last sequence the client saw, or -1 for only new events
     * @param clientEpoch the epoch the client's {@code since} refers to, or {@code null}
     * @return false when there is no such channel
     */
    public boolean attach(EventSink sink, String channelName, long since, String clientEpoch) {
        Channel channel = channels.get(channelName);
        if (channel == null) {
            return false;
        }
        synchronized (channel) {
            // A client from an earlier run: it says so with its epoch, or gives away a sequence
            // number this run has not reached (an old client that sends no epoch).
            boolean restarted = since >= 0 && (clientEpoch != null ? !clientEpoch.equals(epoch) : since > channel.latest());
            Channel.Attachment attachment = channel.attach(sink, restarted ? 0 : since);
            sink.send(json.createObjectNode().put("type", "subscribed").put("channel", channelName)
                    .put("epoch", epoch).put("seq", attachment.latest()).toString());
            if (restarted) {
                sink.send(json.createObjectNode().put("type", "missed").put("channel", channelName)
                        .put("reason", "restart").put("from", since + 1).put("to", -1).toString());
            }
            if (attachment.missedAny()) {
                sink.send(json.createObjectNode().put("type", "missed").put("channel", channelName)
                        .put("reason", "history").put("from", attachment.missedFrom()).put("to", attachment.missedTo())
                        .toString());
            }
            attachment.replay().forEach(sink::send);
        }
        return true;
    }

    public void detach(EventSink sink, String channelName) {
        Channel channel = channels.get(channelName);
        if (channel != null) {
            channel.detach(sink);
        }
    }

    public void detachEverywhere(EventSink sink) {
        channels.values().forEach(channel -> channel.detach(sink));
    }

    private String payloadJson(String channel, Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(channel + ": event payload of type " + payload.getClass().getSimpleName()
                    + " cannot be written as JSON (is its package open to com.fasterxml.jackson.databind?)", e);
        }
    }

    /** The WebSocket frame: the header fields, then the payload JSON rendered once for everyone. */
    private String frame(Event event) {
        String header = json.createObjectNode()
                .put("type", "event")
                .put("channel", event.channel())
                .put("seq", event.sequence())
                .put("time", event.time().toString())
                .toString();
        return header.substring(0, header.length() - 1) + ",\"data\":" + event.payloadJson() + "}";
    }

    @Override
    public void close() {
        listenerExecutor.shutdownNow();
    }
}
