package io.gitopsauditor.platform.core.internal.git;

import java.io.File;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;

/**
 * A repository's config file read as if every key that names a command ({@link CommandKeys}) were
 * unset, wherever it comes from: the file itself, a file it includes ({@code include.path},
 * {@code includeIf}), or the service user's config below it. JGit's typed getters
 * ({@code getBoolean}, section parsers) all read through {@link #getString} and
 * {@link #getStringList}, so overriding these two covers them. Writing is unchanged: a plugin that
 * sets a remote URL saves it as usual.
 */
final class CommandFreeConfig extends FileBasedConfig {

    CommandFreeConfig(Config base, File file, FS fs) {
        super(base, file, fs);
    }

    @Override
    public String getString(String section, String subsection, String name) {
        return CommandKeys.refused(section, subsection, name) ? null : super.getString(section, subsection, name);
    }

    @Override
    public String[] getStringList(String section, String subsection, String name) {
        return CommandKeys.refused(section, subsection, name) ? new String[0] : super.getStringList(section, subsection, name);
    }
}
