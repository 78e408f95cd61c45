package io.gitopsauditor.platform.core.internal.cli;

import io.gitopsauditor.platform.core.internal.boot.Platform;
import io.gitopsauditor.platform.core.internal.boot.PlatformInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gitops-auditor serve}: boot the platform and serve until SIGTERM or Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        description = "Start the server: the dashboard, the REST API and WebSocket on one port.")
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--port", paramLabel = "N", description = "HTTP port, 0 for any free one (env GITOPS_AUDITOR_SERVER_PORT; default 8080).")
    Integer port;

    @Option(names = "--bind", paramLabel = "ADDR",
            description = "Address to listen on (env GITOPS_AUDITOR_SERVER_BIND; default 127.0.0.1: this machine only).")
    String bind;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> flags = new HashMap<>();
        if (port != null) {
            flags.put("server.port", port.toString());
        }
        if (bind != null) {
            flags.put("server.bind", bind);
        }
        Platform platform = Platform.boot(common.configSource(flags));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            platform.close();
            stopped.countDown();
        }, "shutdown"));
        String bind = platform.config().bind();
        String host = bind.contains(":") ? "[" + bind + "]" : bind;
        spec.commandLine().getOut().printf("GitOps Auditor %s listening on http://%s:%d (data: %s, plugins: %s)%n",
                PlatformInfo.current().version(), host, platform.port(), platform.config().dataDir(), platform.config().pluginsDir());
        String local = bind.equals("0.0.0.0") || bind.equals("::") ? "127.0.0.1" : host;
        // The dashboard is the way in for a new user: it creates the admin, then leads them to their folders and
        // GitHub owners (no configuration file, no restart). The API route stays named for scripts.
        platform.setupSecretFile().ifPresent(secret -> spec.commandLine().getOut().printf(
                "First start: open http://%s:%d/ in a browser and create the admin account with the one-time setup"
                        + " secret in %s (readable only by this user); the dashboard then leads you to add your folders"
                        + " and GitHub owners. Without a browser: POST the secret to /api/platform/setup"
                        + " (see docs/security.md).%n", local, platform.port(), secret));
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
