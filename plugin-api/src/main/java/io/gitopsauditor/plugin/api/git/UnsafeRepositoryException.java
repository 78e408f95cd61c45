package io.gitopsauditor.plugin.api.git;

/**
 * A repository owned by another user than the service's, not allowed by {@code git.safe-directories}
 * nor by {@code safe.directory} in the service user's git config: git itself refuses it as
 * "dubious ownership", since its config could make the reader run commands.
 *
 * @since 0.2
 */
public class UnsafeRepositoryException extends GitRefusedException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message which folder, whose it is, and which setting allows it
     */
    public UnsafeRepositoryException(String message) {
        super(message);
    }
}
