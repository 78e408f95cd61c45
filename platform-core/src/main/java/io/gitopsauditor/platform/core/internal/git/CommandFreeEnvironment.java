package io.gitopsauditor.platform.core.internal.git;

import java.util.Set;
import org.eclipse.jgit.util.SystemReader;

/**
 * JGit's view of the process environment without the variables that name commands. JGit's ssh
 * transport starts {@code $GIT_SSH} itself, with a plain {@link ProcessBuilder} that no file
 * system sees; hidden here, JGit uses its own ssh client (or none) instead.
 */
final class CommandFreeEnvironment extends SystemReader.Delegate {
    private static final Set<String> HIDDEN = Set.of("GIT_SSH", "GIT_SSH_COMMAND", "GIT_ASKPASS", "SSH_ASKPASS",
            "GIT_EDITOR", "GIT_PAGER", "GIT_EXTERNAL_DIFF", "GIT_PROXY_COMMAND");

    private CommandFreeEnvironment(SystemReader delegate) {
        super(delegate);
    }

    /** Installs it as JGit's system reader for the whole process, once. */
    static synchronized void install() {
        SystemReader current = SystemReader.getInstance();
        if (!(current instanceof CommandFreeEnvironment)) {
            SystemReader.setInstance(wrap(current));
        }
    }

    /** @return a reader like {@code delegate} without the command-naming variables */
    static SystemReader wrap(SystemReader delegate) {
        return new CommandFreeEnvironment(delegate);
    }

    @Override
    public String getenv(String variable) {
        return HIDDEN.contains(variable) ? null : super.getenv(variable);
    }
}
