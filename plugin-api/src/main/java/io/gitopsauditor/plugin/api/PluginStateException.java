package io.gitopsauditor.plugin.api;

/**
 * A context method was called in the wrong lifecycle phase, e.g. {@code database()} during
 * {@code register}, or a registrar after {@code register} returned.
 *
 * @since 0.1
 */
public class PluginStateException extends PluginException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was called when
     */
    public PluginStateException(String message) {
        super(message);
    }
}
