package io.gitopsauditor.platform.core.internal.git;

import io.gitopsauditor.plugin.api.git.RefusedRemoteException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.jgit.transport.URIish;

/**
 * Which remotes the platform reaches: https and ssh anywhere, local repositories only under the
 * folders of {@code git.local-remotes}. Everything else is refused with a reason: plain
 * {@code http://} and {@code git://} (no authentication of the server), transport helpers
 * ({@code ext::} runs a command, {@code file::} ...), bundles, {@code amazon-s3}, {@code sftp}.
 * Checked on the URL a fetch really uses, i.e. after {@code url.<base>.insteadOf} rewriting; a
 * clone's own {@code protocol.*.allow} has no say.
 *
 * <p>One exception to "no plain http": the GitHub address the administrator configured
 * ({@code github.api-url}) when it is itself {@code http://} (a GitHub stand-in on this machine,
 * or a proxy the administrator runs). Its host and port are then reached over http too, as the
 * API already is; nothing a repository says can name that address for another host.
 */
final class RemotePolicy {
    private static final String ALLOWED = "only https, ssh, and local folders under git.local-remotes are allowed";

    private final List<Path> localRemotes;
    private final URI githubApi;

    /**
     * @param localRemotes folders local remotes must be in ({@code git.local-remotes})
     * @param githubApi    the configured GitHub API address ({@code github.api-url})
     */
    RemotePolicy(List<Path> localRemotes, URI githubApi) {
        this.localRemotes = List.copyOf(localRemotes);
        this.githubApi = githubApi;
    }

    /**
     * @param url a remote URL, scp-like address or local path
     * @return the parsed URL
     * @throws RefusedRemoteException when it is not allowed
     */
    URIish check(String url) {
        if (url == null || url.isBlank()) {
            throw new RefusedRemoteException("the remote has no URL");
        }
        refuseHelper(url);
        URIish uri;
        try {
            uri = new URIish(url);
        } catch (URISyntaxException e) {
            throw new RefusedRemoteException("remote URL refused: it is not a git URL");
        }
        check(uri);
        return uri;
    }

    /**
     * @param uri the URL a transport is about to use
     * @throws RefusedRemoteException when it is not allowed
     */
    void check(URIish uri) {
        // A rewritten URL arrives parsed: "ext::cmd" reads as host "ext" with path ":cmd", scp-like.
        refuseHelper(uri.toString());
        if (uri.getPath() != null && uri.getPath().startsWith(":")) {
            refuseHelper(uri.getHost() + ":" + uri.getPath());
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null && uri.getHost() != null) {
            return; // scp-like "git@host:path": ssh
        }
        if (scheme == null || scheme.equals("file")) {
            checkLocal(uri);
            return;
        }
        switch (scheme) {
            case "https", "ssh", "ssh+git", "git+ssh" -> {
                return;
            }
            case "http" -> {
                if (!configuredGitHub(uri)) {
                    throw refused(uri, "plain http:// is not encrypted; use https://");
                }
            }
            case "git" -> throw refused(uri, "git:// neither authenticates the server nor encrypts; use https:// or ssh://");
            default -> throw refused(uri, "the " + scheme + " transport is not used");
        }
    }

    /** @return whether an http URL points at the configured GitHub address, itself http */
    private boolean configuredGitHub(URIish uri) {
        return githubApi != null && "http".equalsIgnoreCase(githubApi.getScheme())
                && githubApi.getHost() != null && githubApi.getHost().equalsIgnoreCase(uri.getHost())
                && portOf(githubApi.getPort()) == portOf(uri.getPort());
    }

    private static int portOf(int port) {
        return port < 0 ? 80 : port;
    }

    /** {@code <transport>::<address>} asks git for a remote helper, which {@code ext::} turns into any command. */
    private static void refuseHelper(String url) {
        int helper = url.indexOf("::");
        if (helper > 0 && url.substring(0, helper).matches("[A-Za-z0-9+.-]+")) {
            throw new RefusedRemoteException("remote " + url.substring(0, helper) + ":: refused: transport helpers"
                    + " (ext::, file:: ...) are never run; " + ALLOWED);
        }
    }

    private void checkLocal(URIish uri) {
        String raw = uri.getPath();
        if (raw == null || raw.isEmpty() || !Path.of(raw).isAbsolute()) {
            throw refused(uri, "a local remote must be an absolute path");
        }
        Path path;
        try {
            path = Files.exists(Path.of(raw)) ? Path.of(raw).toRealPath() : Path.of(raw).toAbsolutePath().normalize();
        } catch (IOException e) {
            throw refused(uri, "it cannot be resolved: " + e.getMessage());
        }
        if (Files.isRegularFile(path)) {
            throw refused(uri, "bundle files are not fetched");
        }
        for (Path folder : realFolders()) {
            if (path.startsWith(folder)) {
                return;
            }
        }
        throw refused(uri, "local remotes must be under a folder of git.local-remotes"
                + (localRemotes.isEmpty() ? " (none is configured)" : " (" + localRemotes + ")"));
    }

    private List<Path> realFolders() {
        List<Path> folders = new ArrayList<>();
        for (Path folder : localRemotes) {
            try {
                folders.add(Files.exists(folder) ? folder.toRealPath() : folder.toAbsolutePath().normalize());
            } catch (IOException e) {
                folders.add(folder.toAbsolutePath().normalize());
            }
        }
        return folders;
    }

    private static RefusedRemoteException refused(URIish uri, String why) {
        // URIish.toString() leaves out a password; the user name stays (git@ ...).
        return new RefusedRemoteException("remote " + uri + " refused: " + why + "; " + ALLOWED);
    }
}
