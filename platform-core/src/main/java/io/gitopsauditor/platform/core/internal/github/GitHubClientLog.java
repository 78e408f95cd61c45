package io.gitopsauditor.platform.core.internal.github;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Where github-api's own log lines go in the server. The client logs through java.util.logging,
 * at INFO each time it retries a refused connection, with a stack trace; every failure it retried
 * is also the reason a plugin reports, so at INFO it would say the same thing twice, loudly. Here
 * each record becomes one line at DEBUG in {@code gitops.github}: the first line of its message
 * and its exception's message, never a stack trace. Those messages name URLs and exceptions, never
 * the token (github-api does not log headers).
 */
final class GitHubClientLog extends Handler {
    static final String LOGGER_NAME = "org.kohsuke.github";

    /** Held: java.util.logging keeps loggers only weakly, and a collected logger would forget the handler. */
    private static final Logger GITHUB_API = Logger.getLogger(LOGGER_NAME);
    private static final System.Logger LOG = System.getLogger("gitops.github");
    private static boolean installed;

    private GitHubClientLog() {
        setLevel(Level.ALL);
    }

    /** Sends github-api's records here instead of to the root logger; once per process. */
    static synchronized void install() {
        if (!installed) {
            GITHUB_API.setUseParentHandlers(false);
            GITHUB_API.addHandler(new GitHubClientLog());
            installed = true;
        }
    }

    /** @return the record as one line: its message's first line and its exception's first line */
    static String describe(LogRecord record) {
        String line = record.getMessage() == null ? "" : record.getMessage().lines().findFirst().orElse("");
        Throwable thrown = record.getThrown();
        if (thrown != null) {
            line += (line.isEmpty() ? "" : ": ") + thrown.getClass().getSimpleName()
                    + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage().lines().findFirst().orElse(""));
        }
        return line;
    }

    @Override
    public void publish(LogRecord record) {
        LOG.log(System.Logger.Level.DEBUG, () -> "GitHub client: " + describe(record));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
