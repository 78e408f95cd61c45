package io.gitopsauditor.platform.core.internal.git;

import io.gitopsauditor.plugin.api.git.UnsafeRepositoryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Git's {@code safe.directory} rule: a repository whose working tree or git folder belongs to
 * another user than the service is refused, because its config and hooks are that user's to
 * write. It is allowed when listed in the platform's {@code git.safe-directories} or in
 * {@code safe.directory} of the service user's own global or system git config (never the
 * repository's own). Entries are exact paths, {@code <path>/*} for everything below, or {@code *}.
 */
final class OwnershipRule {
    private final List<String> platformEntries;
    private final Supplier<List<String>> gitEntries;
    private final int processUid;

    /**
     * @param platformEntries {@code git.safe-directories}
     * @param gitEntries      {@code safe.directory} values of the service user's git config, in order
     *                        (an empty value clears the ones before it, as in git)
     * @param processUid      the uid files must belong to
     */
    OwnershipRule(List<String> platformEntries, Supplier<List<String>> gitEntries, int processUid) {
        this.platformEntries = List.copyOf(platformEntries);
        this.gitEntries = gitEntries;
        this.processUid = processUid;
    }

    /**
     * @param repository the folder the user named (working tree, or bare repository)
     * @param folders    every path git would check: working tree, {@code .git} file, git folder, common folder
     *                   (links followed: what counts is who owns what they point at)
     * @throws UnsafeRepositoryException when one belongs to another user and nothing allows the repository
     */
    void check(Path repository, List<Path> folders) throws IOException {
        for (Path folder : folders) {
            int owner = (Integer) Files.getAttribute(folder, "unix:uid");
            if (owner != processUid && !allowed(repository) && !allowed(folder)) {
                throw new UnsafeRepositoryException(repository + " is owned by uid " + owner + ", not by this service (uid "
                        + processUid + "): refused like git's 'dubious ownership', since its config could run commands."
                        + " Allow it with git.safe-directories or with safe.directory in the service user's git config");
            }
        }
    }

    private boolean allowed(Path folder) throws IOException {
        List<String> candidates = new ArrayList<>(List.of(folder.toAbsolutePath().normalize().toString()));
        if (Files.exists(folder)) {
            candidates.add(folder.toRealPath().toString());
        }
        for (String entry : effectiveEntries()) {
            for (String candidate : candidates) {
                if (matches(entry, candidate)) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<String> effectiveEntries() {
        List<String> entries = new ArrayList<>(platformEntries);
        List<String> fromGit = new ArrayList<>();
        for (String value : gitEntries.get()) {
            if (value == null || value.isEmpty()) {
                fromGit.clear();
            } else {
                fromGit.add(value);
            }
        }
        entries.addAll(fromGit);
        return entries;
    }

    static boolean matches(String entry, String path) {
        String trimmed = entry.strip();
        if (trimmed.equals("*")) {
            return true;
        }
        if (trimmed.endsWith("/*")) {
            String prefix = trimmed.substring(0, trimmed.length() - 1);
            return path.startsWith(prefix);
        }
        String exact = trimmed.endsWith("/") && trimmed.length() > 1 ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        return path.equals(exact);
    }
}
