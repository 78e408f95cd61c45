package io.gitopsauditor.platform.core.internal.http;

import io.gitopsauditor.platform.core.internal.plugin.PluginHandle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glassfish.jersey.server.model.ModelValidationException;
import org.glassfish.jersey.server.model.ResourceModelIssue;

/**
 * Works out which plugins to blame when Jersey refuses the resource model (ambiguous methods,
 * invalid signatures): Jersey validates the whole application at once, so without this one
 * plugin's mistake would keep every route, and the platform, from starting.
 */
public final class RejectedResources {
    private static final int MAX_REASON = 400;

    private RejectedResources() {
    }

    /**
     * @return plugin id to the first fatal issue naming one of its resource classes; empty when
     *         the failure is not a model validation failure or names no plugin
     */
    public static Map<String, String> blame(Throwable failure, List<PluginHandle> plugins) {
        Map<String, String> blamed = new LinkedHashMap<>();
        ModelValidationException validation = find(failure);
        if (validation == null) {
            return blamed;
        }
        for (ResourceModelIssue issue : validation.getIssues()) {
            if (issue.getSeverity() != org.glassfish.jersey.Severity.FATAL) {
                continue;
            }
            for (PluginHandle plugin : plugins) {
                if (namesAResourceOf(issue.getMessage(), plugin)) {
                    blamed.putIfAbsent(plugin.id(), abbreviate(issue.getMessage()));
                }
            }
        }
        return blamed;
    }

    private static boolean namesAResourceOf(String message, PluginHandle plugin) {
        for (Object resource : plugin.contributions().restResources()) {
            Class<?> type = resource instanceof Class<?> c ? c : resource.getClass();
            if (message.contains(type.getName())) {
                return true;
            }
        }
        return false;
    }

    private static ModelValidationException find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ModelValidationException validation) {
                return validation;
            }
        }
        return null;
    }

    private static String abbreviate(String message) {
        String line = message.strip();
        return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON) + "...";
    }
}
