package io.gitopsauditor.plugins.audit.internal.fix;

import io.gitopsauditor.platform.core.testkit.TestGit;
import io.gitopsauditor.plugins.audit.internal.github.CloneUrlPolicy;
import java.net.URI;
import java.nio.file.Path;

/** A fix runner over the platform's real git service, with local remotes allowed under one folder. */
final class FixRunners {
    private FixRunners() {
    }

    static FixRunner forTests(Path localRemotes) {
        return new FixRunner(new FixPlanner(null, CloneUrlPolicy.forApi(URI.create("https://api.github.com"))), TestGit.withLocalRemotes(localRemotes));
    }
}
