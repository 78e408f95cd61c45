package io.gitopsauditor.plugins.audit.internal.fix;

import io.gitopsauditor.platform.core.testkit.TestGit;
import java.nio.file.Path;

/** A fix runner over the platform's real git service, with local remotes allowed under one folder. */
final class FixRunners {
    private FixRunners() {
    }

    static FixRunner forTests(Path localRemotes) {
        return new FixRunner(new FixPlanner(null), TestGit.withLocalRemotes(localRemotes));
    }
}
