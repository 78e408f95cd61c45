/**
 * The audit plugin: builds the repository inventory (local folders and GitHub accounts) for every
 * plugin, and audits each local clone against its hosted original: what is at risk of being lost,
 * what has drifted. REST under {@code /api/audit}, live events on {@code audit.*}, the
 * {@code gitops-auditor audit} command, and the dashboard's home page.
 */
module io.gitopsauditor.plugins.audit {
    requires io.gitopsauditor.plugin.api;
    requires org.eclipse.jgit;
    requires org.kohsuke.github.api;
    // github-api is an automatic module: it does not pull in its own dependencies.
    requires com.fasterxml.jackson.databind;
    // github-api closes every response with commons-io and builds requests with commons-lang3;
    // both are explicit modules, so a plugin layer resolves them only when someone requires them.
    requires org.apache.commons.io;
    requires org.apache.commons.lang3;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires info.picocli;
    requires java.net.http;

    provides io.gitopsauditor.plugin.api.spi.Plugin with io.gitopsauditor.plugins.audit.internal.AuditPlugin;
    provides io.gitopsauditor.plugin.api.spi.PluginCommand with io.gitopsauditor.plugins.audit.internal.cli.AuditCommand;
}
