package io.gitopsauditor.platform.core.internal.cli;

import io.gitopsauditor.platform.core.internal.boot.PlatformInfo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gitops-auditor version}. */
@Command(name = "version", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class, description = "Print the platform, plugin API and Java versions.")
public final class VersionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PlatformInfo info = PlatformInfo.current();
        spec.commandLine().getOut().printf("GitOps Auditor %s (plugin API %s, Java %s)%n", info.version(), info.pluginApi(), info.java());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
