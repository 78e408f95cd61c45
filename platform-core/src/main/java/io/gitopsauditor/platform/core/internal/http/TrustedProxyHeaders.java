package io.gitopsauditor.platform.core.internal.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * Runs before Jetty's {@code ForwardedRequestCustomizer} and leaves it only what the trusted proxy
 * itself wrote. A proxy <em>appends</em> the address it saw to {@code X-Forwarded-For} (nginx's
 * {@code $proxy_add_x_forwarded_for}, Caddy) and {@code Forwarded}, after whatever the client sent;
 * Jetty takes the leftmost entry, which is the client's own claim, so every guess could come from
 * a new "address" and the login throttle never triggered. Here each of the two headers is cut to
 * its rightmost entry. {@code X-Forwarded-Host}, {@code -Server} and {@code -Port} are dropped:
 * the documented proxy setups do not set them, so any value would be the client's, and the host
 * a request addressed is judged from {@code Host} alone.
 */
final class TrustedProxyHeaders implements HttpConfiguration.Customizer {
    private static final String FORWARDED_FOR = "x-forwarded-for";
    private static final String FORWARDED = "forwarded";
    private static final Set<String> DROPPED = Set.of("x-forwarded-host", "x-forwarded-server", "x-forwarded-port");

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        HttpFields original = request.getHeaders();
        List<String> forwardedFor = new ArrayList<>();
        List<String> forwarded = new ArrayList<>();
        HttpFields.Mutable kept = HttpFields.build(original.size());
        for (HttpField field : original) {
            String name = field.getName().toLowerCase(Locale.ROOT);
            if (name.equals(FORWARDED_FOR)) {
                forwardedFor.addAll(entries(field.getValue()));
            } else if (name.equals(FORWARDED)) {
                forwarded.addAll(entries(field.getValue()));
            } else if (!DROPPED.contains(name)) {
                kept.add(field);
            }
        }
        if (!forwardedFor.isEmpty()) {
            kept.add("X-Forwarded-For", forwardedFor.getLast());
        }
        if (!forwarded.isEmpty()) {
            kept.add("Forwarded", withoutHost(forwarded.getLast()));
        }
        HttpFields headers = kept.asImmutable();
        return new Request.Wrapper(request) {
            @Override
            public HttpFields getHeaders() {
                return headers;
            }
        };
    }

    /** The comma-separated entries of one header line; commas inside quoted strings do not split. */
    static List<String> entries(String value) {
        List<String> entries = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : value == null ? new char[0] : value.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                add(entries, current);
            } else {
                current.append(c);
            }
        }
        add(entries, current);
        return entries;
    }

    private static void add(List<String> entries, StringBuilder entry) {
        String text = entry.toString().strip();
        if (!text.isEmpty()) {
            entries.add(text);
        }
        entry.setLength(0);
    }

    /** A {@code Forwarded} element without {@code host=} (or {@code by=}), for the same reason as X-Forwarded-Host. */
    private static String withoutHost(String element) {
        List<String> pairs = new ArrayList<>();
        for (String pair : element.split(";")) {
            String name = pair.strip().toLowerCase(Locale.ROOT);
            if (!name.startsWith("host=") && !name.startsWith("by=") && !name.isEmpty()) {
                pairs.add(pair.strip());
            }
        }
        return String.join(";", pairs);
    }
}
