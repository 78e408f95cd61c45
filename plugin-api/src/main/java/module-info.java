/**
 * The GitOps Auditor plugin API: the only module a plugin compiles against.
 *
 * <p>Package {@code io.gitopsauditor.plugin.api} holds what a plugin <em>uses</em> (its
 * {@link io.gitopsauditor.plugin.api.PluginContext context}, the registrars, events, errors);
 * package {@code io.gitopsauditor.plugin.api.spi} holds what a plugin <em>implements</em>
 * ({@link io.gitopsauditor.plugin.api.spi.Plugin}). See {@code docs/plugin-guide.md}.
 *
 * @since 0.1
 */
module io.gitopsauditor.plugin.api {
    // Plugins annotate their REST resources with JAX-RS; they must see the same API the kernel serves.
    requires transitive jakarta.ws.rs;
    // PluginContext.database() hands out a jOOQ DSLContext: jOOQ is how plugins talk SQL.
    requires transitive org.jooq;
    // PluginContext.git() hands out JGit repositories: JGit is how every plugin reads and writes git.
    requires transitive org.eclipse.jgit;

    exports io.gitopsauditor.plugin.api;
    exports io.gitopsauditor.plugin.api.git;
    exports io.gitopsauditor.plugin.api.inventory;
    exports io.gitopsauditor.plugin.api.settings;
    exports io.gitopsauditor.plugin.api.spi;
}
