/**
 * The audit plugin: builds the repository inventory (local folders and GitHub accounts) for every
 * plugin, and audits each local clone against its hosted original: what is at risk of being lost,
 * what has drifted. REST under {@code /api/audit}, live events on {@code audit.*}, the
 * {@code gitops-auditor audit} command, and the dashboard's home page.
 */
module io.gitopsauditor.plugins.audit {
    requires io.gitopsauditor.plugin.api;
    requires org.eclipse.jgit;
    // JGit is an automatic module and declares nothing: its pack cache (WindowCache) registers MBeans
    // through java.management, which the platform's boot layer would otherwise not resolve.
    requires java.management;
    // github-api comes with plugin-api (requires transitive): the platform builds the one client.
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires info.picocli;
    // github-api logs through java.util.logging; the CLI redirects (or, with -q, drops) its lines.
    requires java.logging;

    // Jersey calls the resource; Jackson writes the records and reads the stored ones back.
    opens io.gitopsauditor.plugins.audit.internal.rest to org.glassfish.jersey.core.server, com.fasterxml.jackson.databind;
    opens io.gitopsauditor.plugins.audit.internal.model to com.fasterxml.jackson.databind;
    opens io.gitopsauditor.plugins.audit.internal.inventory to com.fasterxml.jackson.databind;
    opens io.gitopsauditor.plugins.audit.internal.run to com.fasterxml.jackson.databind;
    opens io.gitopsauditor.plugins.audit.internal.store to com.fasterxml.jackson.databind;
    opens io.gitopsauditor.plugins.audit.internal.fix to com.fasterxml.jackson.databind;
    opens io.gitopsauditor.plugins.audit.internal.export to com.fasterxml.jackson.databind;
    // picocli fills the CLI options reflectively.
    opens io.gitopsauditor.plugins.audit.internal.cli to info.picocli;

    provides io.gitopsauditor.plugin.api.spi.Plugin with io.gitopsauditor.plugins.audit.internal.AuditPlugin;
    provides io.gitopsauditor.plugin.api.spi.PluginCommand with io.gitopsauditor.plugins.audit.internal.cli.AuditCommand;
}
