package io.gitopsauditor.plugins.audit.internal.cli;

import java.io.PrintWriter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where github-api's own log lines go while the command runs. The client logs through
 * java.util.logging, e.g. at INFO each time it retries a refused connection, and the launcher
 * sends that to the log on standard error, with a timestamp, the logger's name, and a stack trace
 * when the record carries one. On a cron job's stderr that is noise mailed every night, and
 * {@code -q} promises none. So, for the length of the run: with {@code -q} they are dropped; without
 * it each becomes one {@code audit: GitHub: ...} line beside the progress lines, never a stack
 * trace. The outcome (GitHub unavailable, and why) is in the report either way.
 */
final class GitHubClientLog implements AutoCloseable {
    static final String LOGGER_NAME = "org.kohsuke.github";

    /** github-api 1.x: {@code (trace) class java.net.ConnectException while connecting to URL: 'msg'. Sleeping N milliseconds before retrying (N retries remaining)}. */
    private static final Pattern RETRY = Pattern.compile(
            "(?:\\(\\w+\\) )?(?:class )?(?:[\\w$]+\\.)*([\\w$]+) while connecting to (\\S+?): '(.*)'\\. "
                    + "Sleeping (\\d+) milliseconds before retrying \\((\\d+) retries remaining\\)", Pattern.DOTALL);

    // Held here: java.util.logging keeps loggers only weakly, and a collected logger would forget the handler.
    private final Logger logger;
    private final Handler handler;
    private final boolean usedParentHandlers;
    private final Level level;

    private GitHubClientLog(Logger logger, Handler handler) {
        this.logger = logger;
        this.handler = handler;
        this.usedParentHandlers = logger.getUseParentHandlers();
        this.level = logger.getLevel();
    }

    /**
     * @param err   where the lines go
     * @param quiet drop them instead
     * @return the redirection; close it to give the logger back
     */
    static GitHubClientLog redirect(PrintWriter err, boolean quiet) {
        Logger logger = Logger.getLogger(LOGGER_NAME);
        GitHubClientLog log = new GitHubClientLog(logger, new OneLine(err));
        logger.setUseParentHandlers(false);
        if (quiet) {
            logger.setLevel(Level.OFF);
        } else {
            logger.addHandler(log.handler);
        }
        return log;
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setLevel(level);
        logger.setUseParentHandlers(usedParentHandlers);
    }

    /** @return the record as one line: a retry in plain words, anything else its first line and its exception's message */
    static String describe(LogRecord record) {
        String message = record.getMessage() == null ? "" : record.getMessage();
        Matcher retry = RETRY.matcher(message);
        if (retry.matches()) {
            String reason = retry.group(3).equals("null") ? retry.group(1) : retry.group(1) + ": " + retry.group(3);
            int left = Integer.parseInt(retry.group(5));
            return "cannot connect to " + retry.group(2) + " (" + reason + "), retrying in " + retry.group(4) + " ms ("
                    + left + (left == 1 ? " retry" : " retries") + " left)";
        }
        String line = message.lines().findFirst().orElse("");
        Throwable thrown = record.getThrown();
        if (thrown != null) {
            line += (line.isEmpty() ? "" : ": ") + thrown.getClass().getSimpleName()
                    + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage().lines().findFirst().orElse(""));
        }
        return line;
    }

    private static final class OneLine extends Handler {
        private final PrintWriter err;

        OneLine(PrintWriter err) {
            this.err = err;
            setLevel(Level.INFO);
        }

        @Override
        public void publish(LogRecord record) {
            if (isLoggable(record)) {
                synchronized (err) {
                    err.println("audit: GitHub: " + describe(record));
                    err.flush();
                }
            }
        }

        @Override
        public void flush() {
            err.flush();
        }

        @Override
        public void close() {
        }
    }
}
