package io.gitopsauditor.platform.core.internal.cli;

import io.gitopsauditor.platform.core.internal.config.PlatformConfig;
import io.gitopsauditor.platform.core.internal.security.SecurityStore;
import io.gitopsauditor.plugin.api.ProblemException;
import io.gitopsauditor.plugin.api.Scope;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gitops-auditor token create|list|revoke}: API tokens, on the server machine, also while it runs. */
@Command(name = "token", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        description = "Create, list and revoke API tokens (works on the data directory, also while the server runs).",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
public final class TokenCommand {

    /** {@code token create}. */
    @Command(name = "create", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
            description = "Create a token; it is printed once, alone on the last line.")
    static final class Create implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "What the token is for, e.g. ci.")
        String name;

        @Option(names = "--scope", required = true, paramLabel = "SCOPE", description = "read, write or admin.")
        String scope;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Scope parsed = parseScope(scope);
            PlatformConfig config = common.platformConfig();
            try (SecurityDatabase db = SecurityDatabase.open(config)) {
                SecurityStore.NewToken token = db.store().createToken(name, parsed, "cli");
                db.store().record("token-created", "cli", "cli", "token '" + name + "' (" + scope.toLowerCase(Locale.ROOT) + ")");
                PrintWriter out = spec.commandLine().getOut();
                out.println("Created token '" + name + "' (id " + token.id() + ", scope " + parsed.name().toLowerCase(Locale.ROOT)
                        + "). It is shown only now; send it as 'Authorization: Bearer <token>':");
                out.println(token.token());
                out.flush();
                return 0;
            }
        }
    }

    /** {@code token list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
            description = "List tokens (never their secrets).")
    static final class ListTokens implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PlatformConfig config = common.platformConfig();
            try (SecurityDatabase db = SecurityDatabase.open(config)) {
                List<SecurityStore.TokenView> tokens = db.store().tokens();
                PrintWriter out = spec.commandLine().getOut();
                String format = "%-5s %-20s %-6s %-21s %-21s %s%n";
                out.printf(format, "ID", "NAME", "SCOPE", "CREATED", "LAST USED", "REVOKED");
                for (SecurityStore.TokenView t : tokens) {
                    out.printf(format, t.id(), t.name(), t.scope().name().toLowerCase(Locale.ROOT), seconds(t.createdAt()),
                            seconds(t.lastUsedAt()), seconds(t.revokedAt()));
                }
                out.flush();
                return 0;
            }
        }
    }

    /** {@code token revoke}. */
    @Command(name = "revoke", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
            description = "Revoke a token by id or name; a running server closes its WebSocket connections within seconds.")
    static final class Revoke implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "ID_OR_NAME", description = "The token's id or name (all live tokens of that name).")
        String idOrName;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PlatformConfig config = common.platformConfig();
            try (SecurityDatabase db = SecurityDatabase.open(config)) {
                List<String> revoked = db.store().revokeTokens(idOrName);
                if (revoked.isEmpty()) {
                    throw ProblemException.notFound("no live token with id or name '" + idOrName + "'");
                }
                db.store().record("token-revoked", "cli", "cli", "token(s) " + String.join(", ", revoked));
                spec.commandLine().getOut().println("Revoked: " + String.join(", ", revoked));
                spec.commandLine().getOut().flush();
                return 0;
            }
        }
    }

    private static String seconds(String instant) {
        return instant == null ? "-" : java.time.Instant.parse(instant).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    static Scope parseScope(String scope) {
        try {
            return Scope.valueOf(scope.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidInput("scope must be read, write or admin, got '" + scope + "'");
        }
    }
}
