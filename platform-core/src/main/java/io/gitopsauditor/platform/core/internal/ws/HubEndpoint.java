package io.gitopsauditor.platform.core.internal.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitopsauditor.platform.core.internal.config.PlatformConfig.WebSocketLimits;
import io.gitopsauditor.platform.core.internal.events.EventHub;
import io.gitopsauditor.platform.core.internal.security.LiveConnections;
import io.gitopsauditor.platform.core.internal.security.Principal;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one WebSocket endpoint, {@code /ws}. A client sends {@code subscribe}, {@code unsubscribe}
 * and {@code ping} messages and receives events on the channels it subscribed to; the protocol
 * is in {@code docs/websocket.md}. One instance per connection.
 */
public final class HubEndpoint extends Endpoint {
    private static final Logger LOG = LoggerFactory.getLogger(HubEndpoint.class);
    static final int MAX_SUBSCRIPTIONS = 200;

    /** Inbound messages a client may send per second, on average, and in a burst. */
    static final double MESSAGES_PER_SECOND = 20;
    static final double BURST = 60;

    private final EventHub hub;
    private final WebSocketLimits limits;
    private final ObjectMapper json;
    private final LiveConnections connections;
    private final Set<String> subscriptions = new HashSet<>();
    private ClientConnection connection;
    private Principal caller;
    private java.util.function.Consumer<String> closer;
    private double allowance = BURST;
    private long lastMessageNanos = System.nanoTime();
    private boolean closing;

    public HubEndpoint(EventHub hub, WebSocketLimits limits, ObjectMapper json, LiveConnections connections) {
        this.hub = hub;
        this.limits = limits;
        this.json = json;
        this.connections = connections;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        if (!(config.getUserProperties().get(Principal.ATTRIBUTE) instanceof Principal principal)) {
            // The gate authenticated the upgrade; this only happens if the credential ended in between.
            Sessions.closeAsync(session, new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "not authenticated"));
            return;
        }
        closer = reason -> Sessions.closeAsync(session, new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, reason));
        if (!connections.opened(principal, closer)) {
            Sessions.closeAsync(session, new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER,
                    "at most " + connections.maxPerCredential() + " connections per session or token"));
            return;
        }
        caller = principal;
        session.setMaxTextMessageBufferSize(limits.maxMessageSize());
        session.setMaxBinaryMessageBufferSize(1024);
        session.setMaxIdleTimeout(limits.idleTimeout().toMillis());
        session.getAsyncRemote().setSendTimeout(limits.sendTimeout().toMillis());
        connection = new ClientConnection(session, limits.queueSize());
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) this::onText);
    }

    private void onText(String text) {
        if (closing) {
            // Frames that were in flight when this connection was closed for flooding: drop them.
            return;
        }
        if (!withinRate()) {
            closing = true;
            connection.markClosed();
            closer.accept("too many messages: at most " + (int) MESSAGES_PER_SECOND + " per second");
            return;
        }
        JsonNode message;
        try {
            message = json.readTree(text);
        } catch (java.io.IOException e) {
            reply("error", null, "messages must be JSON objects such as {\"type\":\"subscribe\",\"channel\":\"audit.run\"}");
            return;
        }
        String type = message == null ? "" : message.path("type").asText("");
        String channel = message == null ? "" : message.path("channel").asText("");
        switch (type) {
            case "subscribe" -> subscribe(channel, message.path("since").asLong(-1),
                    message.hasNonNull("epoch") ? message.get("epoch").asText() : null);
            case "unsubscribe" -> {
                hub.detach(connection, channel);
                subscriptions.remove(channel);
                reply("unsubscribed", channel, null);
            }
            case "ping" -> reply("pong", null, null);
            default -> reply("error", null, "unknown message type '" + abbreviate(type) + "'; use subscribe, unsubscribe or ping");
        }
    }

    private void subscribe(String channel, long since, String epoch) {
        if (!subscriptions.contains(channel) && subscriptions.size() >= MAX_SUBSCRIPTIONS) {
            reply("error", channel, "at most " + MAX_SUBSCRIPTIONS + " subscriptions per connection");
            return;
        }
        var needed = hub.scopeOf(channel);
        if (needed.isPresent() && !caller.scope().covers(needed.get())) {
            // Refused like an unknown channel would be: this subscription only; the others stand.
            reply("error", channel, "channel '" + abbreviate(channel) + "' needs the "
                    + needed.get().name().toLowerCase(java.util.Locale.ROOT) + " scope; this connection has "
                    + caller.scope().name().toLowerCase(java.util.Locale.ROOT));
            return;
        }
        if (hub.attach(connection, channel, since, epoch)) {
            subscriptions.add(channel);
        } else {
            reply("error", channel, "no channel named '" + abbreviate(channel) + "'; GET /api/platform/plugins lists each plugin's channels");
        }
    }

    private void reply(String type, String channel, String message) {
        var node = json.createObjectNode().put("type", type);
        if (channel != null) {
            node.put("channel", abbreviate(channel));
        }
        if (message != null) {
            node.put("message", message);
        }
        connection.send(node.toString());
    }

    private static String abbreviate(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "...";
    }

    /** A token bucket: refills at the allowed rate, spends one per message. */
    private boolean withinRate() {
        long now = System.nanoTime();
        allowance = Math.min(BURST, allowance + (now - lastMessageNanos) / 1e9 * MESSAGES_PER_SECOND);
        lastMessageNanos = now;
        if (allowance < 1) {
            return false;
        }
        allowance -= 1;
        return true;
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        if (connection != null) {
            connection.markClosed();
            hub.detachEverywhere(connection);
        }
        if (caller != null) {
            connections.closed(caller, closer);
        }
    }

    @Override
    public void onError(Session session, Throwable error) {
        LOG.debug("websocket {}: {}", session.getId(), error.getMessage());
    }
}
