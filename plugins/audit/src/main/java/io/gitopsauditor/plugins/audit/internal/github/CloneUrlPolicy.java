package io.gitopsauditor.plugins.audit.internal.github;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which URLs the fixes may clone from or write into a clone's config. They come from GitHub's API
 * answers, which the audit does not control (a proxy, a compromised Enterprise Server, a test
 * double): a {@code file://} URL would copy a local folder, {@code ext::} runs a command, an
 * argument starting with {@code -} is read by git as an option. So only two shapes pass:
 * <ul>
 *   <li>{@code https://<host>/<owner>/<name>[.git]} on the GitHub host of {@code github.api-url}
 *       (see {@link GitHubHosts#fromApiUrl}); when that address names no GitHub host (a proxy or a
 *       test server), exactly the API address's own scheme, host and port;</li>
 *   <li>{@code git@<host>:<owner>/<name>.git}, the SSH form GitHub lists, on that host.</li>
 * </ul>
 * Owner and name follow GitHub's rules ({@code [A-Za-z0-9._-]}, not {@code .} or {@code ..}, no
 * leading {@code -}); no credentials, port, query or fragment.
 */
public final class CloneUrlPolicy {

    /** GitHub's repository and owner names; {@link #safeName} adds the exceptions. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final String origin;
    private final String sshHost;

    private CloneUrlPolicy(String origin, String sshHost) {
        this.origin = origin;
        this.sshHost = sshHost;
    }

    /**
     * @param apiUrl the configured {@code github.api-url}
     * @return the policy for the GitHub installation it names
     */
    public static CloneUrlPolicy forApi(URI apiUrl) {
        Optional<String> githubHost = GitHubHosts.fromApiUrl(apiUrl);
        if (githubHost.isPresent()) {
            return new CloneUrlPolicy("https://" + githubHost.get(), githubHost.get());
        }
        String host = apiUrl.getHost() == null ? "" : apiUrl.getHost().toLowerCase(Locale.ROOT);
        String port = apiUrl.getPort() < 0 ? "" : ":" + apiUrl.getPort();
        String scheme = apiUrl.getScheme() == null ? "https" : apiUrl.getScheme().toLowerCase(Locale.ROOT);
        return new CloneUrlPolicy(scheme + "://" + host + port, host);
    }

    /**
     * @param url a clone URL or remote URL GitHub listed
     * @return why the fixes must not use it, or empty when it may be used
     */
    public Optional<String> refusal(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("GitHub listed no clone URL");
        }
        String path;
        if (url.startsWith(origin + "/")) {
            path = url.substring(origin.length() + 1);
            path = path.endsWith(".git") ? path.substring(0, path.length() - 4) : path;
        } else if (url.startsWith("git@" + sshHost + ":") && url.endsWith(".git")) {
            path = url.substring(("git@" + sshHost + ":").length(), url.length() - 4);
        } else {
            return Optional.of("the URL " + Quoted.of(url) + " is not " + origin + "/<owner>/<name> or git@" + sshHost
                    + ":<owner>/<name>.git");
        }
        String[] parts = path.split("/", -1);
        if (parts.length != 2 || !safeName(parts[0]) || !safeName(parts[1])) {
            return Optional.of("the URL " + Quoted.of(url) + " does not name one repository as <owner>/<name>");
        }
        return Optional.empty();
    }

    /**
     * @param name an owner or repository name
     * @return why it cannot be used as a folder name or in a URL, or empty when it can
     */
    public static Optional<String> nameRefusal(String name) {
        return safeName(name) ? Optional.empty() : Optional.of("the name " + Quoted.of(name)
                + " is not a safe repository name (letters, digits, '.', '_' and '-'; not '.' or '..'; no leading '-')");
    }

    /**
     * @param name an owner or repository name
     * @return whether it follows GitHub's rules and is safe as a folder name and a command argument
     */
    public static boolean safeName(String name) {
        return name != null && NAME.matcher(name).matches() && !name.equals(".") && !name.equals("..")
                && !name.startsWith("-");
    }
}
