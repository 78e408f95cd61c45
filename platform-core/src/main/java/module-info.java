/**
 * The GitOps Auditor kernel: boot, configuration, plugin discovery and lifecycle, HTTP (Jetty 12
 * ee11 + Jersey 4), the WebSocket hub, SQLite through jOOQ with per-plugin migrations, and the CLI.
 * It exports nothing: plugins see only {@code io.gitopsauditor.plugin.api}.
 */
module io.gitopsauditor.platform.core {
    requires io.gitopsauditor.plugin.api;

    // The git service (internal.git) opens repositories with JGit for every plugin.
    requires org.eclipse.jgit;
    requires java.sql;
    requires org.eclipse.jetty.server;
    requires org.eclipse.jetty.ee11.servlet;
    requires org.eclipse.jetty.ee11.websocket.jakarta.server;
    requires jakarta.servlet;
    requires jakarta.websocket;
    requires org.glassfish.jersey.core.server;
    requires org.glassfish.jersey.core.common;
    requires org.glassfish.jersey.container.servlet;
    // Jersey finds its injection manager through the service loader: it must be resolved.
    requires org.glassfish.jersey.inject.hk2;
    requires org.glassfish.jersey.media.json.jackson;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.jooq;
    requires org.xerial.sqlitejdbc;
    requires com.zaxxer.hikari;
    requires org.bouncycastle.provider;
    requires jakarta.annotation;
    requires info.picocli;
    requires org.slf4j;
    requires jul.to.slf4j;

    uses io.gitopsauditor.plugin.api.spi.Plugin;
    uses io.gitopsauditor.plugin.api.spi.PluginCommand;

    // picocli fills the commands' option fields reflectively.
    opens io.gitopsauditor.platform.core.internal.cli to info.picocli;
    // Jersey calls the kernel's resources and injects @Context fields into the mappers; Jackson writes its records.
    opens io.gitopsauditor.platform.core.internal.http to org.glassfish.jersey.core.server, org.glassfish.hk2.locator,
            org.glassfish.hk2.utilities, com.fasterxml.jackson.databind;
    // Jersey calls the security resource and its filters; Jackson reads and writes its records.
    opens io.gitopsauditor.platform.core.internal.security to org.glassfish.jersey.core.server, org.glassfish.hk2.locator,
            org.glassfish.hk2.utilities, com.fasterxml.jackson.databind;
    // Jersey calls the settings resource; Jackson writes its views and reads its bodies.
    opens io.gitopsauditor.platform.core.internal.settings to org.glassfish.jersey.core.server, org.glassfish.hk2.locator,
            org.glassfish.hk2.utilities, com.fasterxml.jackson.databind;
    // Jetty's Jakarta WebSocket implementation inspects endpoint classes; a qualified opens is not enough for it.
    opens io.gitopsauditor.platform.core.internal.ws;
}
