package io.gitopsauditor.plugins.audit.internal.local;

import io.gitopsauditor.plugins.audit.internal.github.RemoteUrls;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;

/**
 * Reads a repository's remotes straight from its config file, without opening the repository:
 * scanning a folder of hundreds of clones must stay cheap.
 *
 * <p>This is where every local remote URL enters the audit (the folder scan and the clone
 * inspector both read remotes here), so credentials written into a URL
 * ({@code https://user:token@host/...}) are {@linkplain RemoteUrls#redact removed} here, before
 * anything is stored, sent, exported or handed to other plugins. Host and path stay, so matching
 * a clone with its hosted repository is unchanged. Git itself still reads the config file.
 * Only the file itself is read: what its {@code include.path} names is not (see {@link IncludeFreeConfig}).
 */
final class RemotesReader {

    private RemotesReader() {
    }

    /**
     * @param commonDir the Git folder holding {@code config}
     * @return remote name to fetch URL, in the order the config file lists them
     *         ({@code RemoteConfig.getAllRemoteConfigs} would sort them by name)
     */
    static Map<String, String> read(Path commonDir) throws IOException, ConfigInvalidException {
        return remotes(IncludeFreeConfig.load(commonDir.resolve("config")));
    }

    /** @return remote name to fetch URL (without credentials) from a loaded config, remotes without a URL left out */
    static Map<String, String> remotes(Config config) {
        Map<String, String> remotes = new LinkedHashMap<>();
        for (String name : config.getSubsections("remote")) {
            String url = config.getString("remote", name, "url");
            if (url != null) {
                remotes.put(name, RemoteUrls.redact(url));
            }
        }
        return remotes;
    }
}
