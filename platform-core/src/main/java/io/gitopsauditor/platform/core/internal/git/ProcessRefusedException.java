package io.gitopsauditor.platform.core.internal.git;

/**
 * JGit asked a repository's file system to start a process, which {@link ProcessFreeFs} never
 * does. Reaching it means a command slipped past {@link CommandFreeConfig}: the operation fails
 * instead of running it.
 */
public final class ProcessRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ProcessRefusedException(String what) {
        super("refused to run " + what + ": the platform never starts processes for a repository");
    }
}
