package io.gitopsauditor.plugins.audit.internal;

/**
 * Keeps JGit's own log quiet. JGit logs, as errors with stack traces, what the audit already turns
 * into a finding (a folder it may not read) or can live without (saving its file-system timing
 * cache into a home folder the user may not write, as for a service account): on a cron job's
 * stderr that is noise mailed every night. The level is the logging backend's per-logger property,
 * so {@code -Dorg.slf4j.simpleLogger.log.org.eclipse.jgit=warn} in {@code JAVA_OPTS} brings JGit's
 * messages back when debugging.
 */
final class JGitLogging {
    static final String LEVEL_PROPERTY = "org.slf4j.simpleLogger.log.org.eclipse.jgit";

    private JGitLogging() {
    }

    /** Must run before JGit's classes are first used: each takes its level when its logger is created. */
    static void quiet() {
        if (System.getProperty(LEVEL_PROPERTY) == null) {
            System.setProperty(LEVEL_PROPERTY, "off");
        }
    }
}
