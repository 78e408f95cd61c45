package io.gitopsauditor.plugin.api.git;

/**
 * A remote URL outside the transport policy: only https, ssh, and local folders under
 * {@code git.local-remotes} are reached.
 *
 * @since 0.2
 */
public class RefusedRemoteException extends GitRefusedException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the URL (without credentials) and why it is refused
     */
    public RefusedRemoteException(String message) {
        super(message);
    }
}
