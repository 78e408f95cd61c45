package io.gitopsauditor.platform.core.internal.git;

import java.io.IOException;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.lib.BaseRepositoryBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.storage.file.FileBasedConfig;

/**
 * A file repository whose {@link #getConfig() config} is a {@link CommandFreeConfig}: everything
 * JGit reads from it (status, checkout, commit, fetch) sees no filter, hook path, fsmonitor, ssh
 * command, credential helper, upload-pack nor receive-pack. Opened only by {@link PlatformGit},
 * always with a {@link ProcessFreeFs}.
 */
final class SafeRepository extends FileRepository {

    /*
     * No initializer on purpose: FileRepository's constructor already calls getConfig() (for the
     * repository format and ref storage), before this class's fields would be assigned; an
     * initializer would then reset what that call created.
     */
    private CommandFreeConfig commandFree;

    SafeRepository(BaseRepositoryBuilder<?, ?> builder) throws IOException {
        super(builder);
    }

    @Override
    public synchronized FileBasedConfig getConfig() {
        // JGit's own getConfig() reloads the repository's and the user's config when they changed on disk.
        FileBasedConfig loaded = super.getConfig();
        try {
            if (commandFree == null) {
                commandFree = new CommandFreeConfig(loaded.getBaseConfig(),
                        getFS().resolve(getCommonDirectory(), Constants.CONFIG), getFS());
                commandFree.load();
            } else if (commandFree.isOutdated()) {
                commandFree.load();
            }
        } catch (IOException | ConfigInvalidException e) {
            // The same file JGit just loaded: failing now means it changed under us. Say so as JGit would.
            throw new IllegalStateException("cannot read " + getCommonDirectory() + "/config: " + e.getMessage(), e);
        }
        return commandFree;
    }
}
