package io.gitopsauditor.plugins.audit.internal.github;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads git remote URLs the way git writes them, so a local clone can be matched with the hosted
 * repository it came from. Understood: {@code https://} and {@code http://} (with or without
 * credentials), {@code ssh://[user@]host[:port]/o/n}, {@code git://}, and the scp-like
 * {@code git@host:o/n}; any of them with or without {@code .git} and a trailing slash. Local
 * paths and {@code file://} URLs point at no host and yield nothing.
 *
 * <p>Parsed by hand rather than with {@link java.net.URI}: scp-like remotes are not URIs, and a
 * token holding {@code #} or {@code %} in the user info would make {@code URI} throw.
 */
public final class RemoteUrls {

    private static final Set<String> NETWORK_SCHEMES = Set.of("https", "http", "ssh", "git", "git+ssh", "ssh+git");
    /** {@code C:\repo} or {@code C:/repo}: a Windows path, not the scp-like {@code host:path}. */
    private static final Pattern WINDOWS_DRIVE = Pattern.compile("^[A-Za-z]:[\\\\/].*");

    private RemoteUrls() {
    }

    /**
     * @param url a remote URL as in {@code .git/config}
     * @return the repository it points at, or empty for a local path, a {@code file://} URL or
     *         something that is not a remote URL
     */
    public static Optional<RemoteRepository> parse(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String trimmed = url.strip();
        int schemeEnd = trimmed.indexOf("://");
        if (schemeEnd > 0) {
            String scheme = trimmed.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
            if (!NETWORK_SCHEMES.contains(scheme)) {
                return Optional.empty();
            }
            String rest = trimmed.substring(schemeEnd + 3);
            int pathStart = rest.indexOf('/');
            if (pathStart < 0) {
                return Optional.empty();
            }
            return fromParts(hostOf(rest.substring(0, pathStart)), rest.substring(pathStart));
        }
        return parseScpLike(trimmed);
    }

    /**
     * Removes credentials from a remote URL so it can be shown or logged. For {@code http(s)} the
     * whole user info goes, because a token alone may stand in the user name
     * ({@code https://ghp_xxx@github.com/...}); for other schemes only a password goes, since
     * {@code git@} names the SSH login, not a secret. The scp-like form has no password field, but
     * {@code user:secret@host:o/n} is sometimes written anyway; the part after the colon goes.
     * Anything else (a local path) is returned as is. Host and path are kept, so a redacted URL
     * still {@linkplain #parse parses} to the same repository.
     *
     * @param url a remote URL, possibly with credentials
     * @return the same URL without them
     */
    public static String redact(String url) {
        if (url == null) {
            return null;
        }
        int schemeEnd = url.indexOf("://");
        if (schemeEnd <= 0) {
            return redactScpLike(url);
        }
        int authorityStart = schemeEnd + 3;
        int authorityEnd = url.indexOf('/', authorityStart);
        String authority = authorityEnd < 0 ? url.substring(authorityStart) : url.substring(authorityStart, authorityEnd);
        int at = authority.lastIndexOf('@');
        if (at < 0) {
            return url;
        }
        String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        String userInfo = authority.substring(0, at);
        int colon = userInfo.indexOf(':');
        String kept = scheme.startsWith("http") ? "" : (colon < 0 ? userInfo : userInfo.substring(0, colon)) + "@";
        return url.substring(0, authorityStart) + kept + authority.substring(at + 1)
                + (authorityEnd < 0 ? "" : url.substring(authorityEnd));
    }

    /** {@code user:secret@host:o/n} becomes {@code user@host:o/n}; a slash before the {@code @} means a path, kept. */
    private static String redactScpLike(String remote) {
        int at = remote.indexOf('@');
        if (at < 0) {
            return remote;
        }
        String userInfo = remote.substring(0, at);
        int colon = userInfo.indexOf(':');
        if (colon < 0 || userInfo.contains("/") || userInfo.contains("\\")) {
            return remote;
        }
        return userInfo.substring(0, colon) + remote.substring(at);
    }

    /** {@code [user@]host:owner/name}, as long as it is not a local path. */
    private static Optional<RemoteRepository> parseScpLike(String remote) {
        if (remote.startsWith("/") || remote.startsWith(".") || remote.startsWith("~") || remote.startsWith("\\")
                || WINDOWS_DRIVE.matcher(remote).matches()) {
            return Optional.empty();
        }
        int colon = remote.indexOf(':');
        // git itself reads "a/b:c" as a local path: a slash before the colon means no host.
        if (colon <= 0 || remote.substring(0, colon).contains("/")) {
            return Optional.empty();
        }
        String userAndHost = remote.substring(0, colon);
        String host = userAndHost.substring(userAndHost.lastIndexOf('@') + 1);
        return fromParts(host.toLowerCase(Locale.ROOT), remote.substring(colon + 1));
    }

    /** The host of an authority: user info and port removed, IPv6 brackets kept, lower case. */
    private static String hostOf(String authority) {
        String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
        if (hostAndPort.startsWith("[")) {
            int close = hostAndPort.indexOf(']');
            return (close < 0 ? hostAndPort : hostAndPort.substring(0, close + 1)).toLowerCase(Locale.ROOT);
        }
        int colon = hostAndPort.indexOf(':');
        return (colon < 0 ? hostAndPort : hostAndPort.substring(0, colon)).toLowerCase(Locale.ROOT);
    }

    /**
     * Splits {@code owner/name} off a path. Everything before the last segment is the owner, so
     * that GitLab-style subgroups ({@code group/sub/project}) keep their full owner.
     */
    private static Optional<RemoteRepository> fromParts(String host, String path) {
        if (host.isEmpty()) {
            return Optional.empty();
        }
        String cleaned = stripSuffixes(path);
        String[] segments = Arrays.stream(cleaned.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
        if (segments.length < 2) {
            return Optional.empty();
        }
        String name = segments[segments.length - 1];
        String owner = String.join("/", Arrays.copyOf(segments, segments.length - 1));
        return Optional.of(new RemoteRepository(host, owner, name));
    }

    /** Drops a query or fragment, trailing slashes and one {@code .git} (in either order). */
    private static String stripSuffixes(String path) {
        String cleaned = path;
        int queryOrFragment = indexOfAny(cleaned, '?', '#');
        if (queryOrFragment >= 0) {
            cleaned = cleaned.substring(0, queryOrFragment);
        }
        cleaned = stripTrailingSlashes(cleaned);
        if (cleaned.endsWith(".git")) {
            cleaned = stripTrailingSlashes(cleaned.substring(0, cleaned.length() - 4));
        }
        return cleaned;
    }

    private static String stripTrailingSlashes(String path) {
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }

    private static int indexOfAny(String text, char first, char second) {
        int a = text.indexOf(first);
        int b = text.indexOf(second);
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }
}
