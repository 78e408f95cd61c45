package io.gitopsauditor.platform.core;

import io.gitopsauditor.platform.core.internal.cli.RootCommand;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The {@code gitops-auditor} launcher: {@code serve}, {@code plugins}, {@code migrate},
 * {@code version}. Run {@code gitops-auditor --help} for the options.
 */
public final class GitopsAuditor {
    private GitopsAuditor() {
    }

    public static void main(String[] args) {
        configureLogging();
        int exitCode = RootCommand.commandLine().execute(args);
        if (exitCode != 0 || args.length == 0 || !"serve".equals(args[0])) {
            System.exit(exitCode);
        }
    }

    /**
     * One log format for the kernel, Jetty, Jersey (java.util.logging) and plugins (System.Logger):
     * all go to slf4j-simple on stderr, where systemd's journal picks them up. Each default can be
     * overridden with the same {@code -Dorg.slf4j.simpleLogger.*} property.
     */
    static void configureLogging() {
        defaultProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        defaultProperty("org.slf4j.simpleLogger.showDateTime", "true");
        defaultProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        defaultProperty("org.slf4j.simpleLogger.showThreadName", "false");
        defaultProperty("org.slf4j.simpleLogger.showShortLogName", "true");
        defaultProperty("org.slf4j.simpleLogger.levelInBrackets", "false");
        defaultProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        defaultProperty("org.slf4j.simpleLogger.log.org.glassfish", "warn");
        defaultProperty("org.slf4j.simpleLogger.log.com.zaxxer.hikari", "warn");
        defaultProperty("org.slf4j.simpleLogger.log.org.jooq", "warn");
        defaultProperty("org.jooq.no-logo", "true");
        defaultProperty("org.jooq.no-tips", "true");
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    private static void defaultProperty(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
