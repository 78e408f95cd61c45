package io.gitopsauditor.plugins.audit.internal.local;

/**
 * A summary of a clone's file-system state: when two fingerprints of a clone are equal, nothing an
 * audit reports can have changed, and the last {@code CloneStatus} can be reused.
 *
 * @param repository   a hash of the Git files that hold HEAD, the index, refs, stashes and config
 * @param workingTree  a hash of the working tree's files (path, size, modification time, inode); 0 when bare
 */
public record Fingerprint(long repository, long workingTree) {
}
