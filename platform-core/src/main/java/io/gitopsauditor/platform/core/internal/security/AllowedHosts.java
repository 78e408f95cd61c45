package io.gitopsauditor.platform.core.internal.security;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The host names a request's {@code Host} header may carry. A DNS-rebinding page makes a browser
 * send requests to this server under the attacker's own name (its DNS answer switched to
 * 127.0.0.1); refusing unknown names stops such a page from reaching login and setup on a loopback
 * server. Accepted: loopback names and addresses ({@code localhost}, 127.0.0.0/8, {@code [::1]}),
 * the bind address, the host of {@code server.public-url}, and {@code server.allowed-hosts}. When the
 * server binds every address (0.0.0.0 or ::), any IP address literal is accepted too: rebinding
 * needs a name, and which of the machine's addresses a client used says nothing about it.
 */
public final class AllowedHosts {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final Set<String> names = new HashSet<>();
    private final boolean anyAddressLiteral;

    /**
     * @param bind      the address the server listens on
     * @param publicUrl the configured public URL, if any
     * @param extra     {@code server.allowed-hosts}
     */
    public AllowedHosts(String bind, Optional<URI> publicUrl, List<String> extra) {
        names.add("localhost");
        names.add("[::1]");
        String bindHost = normalize(bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind);
        anyAddressLiteral = isWildcard(bind);
        if (!anyAddressLiteral) {
            names.add(bindHost);
        }
        publicUrl.map(URI::getHost).map(AllowedHosts::normalize).ifPresent(names::add);
        extra.stream().map(AllowedHosts::normalize).forEach(names::add);
    }

    /** Whether a {@code Host} header value (with or without a port) names this server; no header at all is allowed. */
    public boolean allows(String hostHeader) {
        if (hostHeader == null) {
            return true; // HTTP/1.0 without Host: not a browser, which always sends one
        }
        String host = normalize(withoutPort(hostHeader.strip()));
        if (names.contains(host) || isLoopbackV4(host)) {
            return true;
        }
        return anyAddressLiteral && isAddressLiteral(host);
    }

    private static String withoutPort(String host) {
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            return close < 0 ? host : host.substring(0, close + 1);
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    private static String normalize(String host) {
        String lower = host.strip().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static boolean isLoopbackV4(String host) {
        return IPV4.matcher(host).matches() && host.startsWith("127.");
    }

    private static boolean isAddressLiteral(String host) {
        return IPV4.matcher(host).matches() || (host.startsWith("[") && host.endsWith("]") && host.length() > 2);
    }

    private static boolean isWildcard(String bind) {
        if (bind.isBlank()) {
            return true;
        }
        try {
            String literal = bind.replace("[", "").replace("]", "");
            return (IPV4.matcher(literal).matches() || literal.contains(":")) && InetAddress.getByName(literal).isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
