package io.gitopsauditor.plugins.audit.internal.inventory;

/** How an inventory entry relates to the hosted side. */
public enum HostedLink {
    /** A clone whose remote points at a listed hosted repository. */
    MATCHED_BY_REMOTE,
    /** A clone whose remote points elsewhere (or nowhere), but whose folder name is a listed repository's. */
    MATCHED_BY_NAME,
    /** A listed hosted repository with no clone here. */
    NOT_CLONED,
    /** A clone whose remote names a repository of a listed owner that the listing does not hold any more. */
    UPSTREAM_GONE,
    /** A clone whose remote points to a hosting service, while some hosted source could not be listed. */
    UNKNOWN,
    /** A clone whose remote points somewhere no configured source covers. */
    ELSEWHERE,
    /**
     * A clone without any remote; paired with the listed repository its folder is named after, when
     * there is exactly one (that repository is then not also {@link #NOT_CLONED}).
     */
    NO_REMOTE,
    /**
     * Not a readable repository (or not a repository at all). An unreadable clone is still paired with
     * the listed repository its remote (when its config could be read) or its folder names, so that one
     * is not also {@link #NOT_CLONED}; its state is judged from the clone alone.
     */
    NOT_APPLICABLE
}
