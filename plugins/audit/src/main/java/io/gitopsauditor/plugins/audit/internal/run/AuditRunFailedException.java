package io.gitopsauditor.plugins.audit.internal.run;

import io.gitopsauditor.plugin.api.PluginException;

/** An audit run ended with an unexpected error; the message (shown as the job's outcome) names the run and the error. */
public final class AuditRunFailedException extends PluginException {
    private static final long serialVersionUID = 1L;

    AuditRunFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
