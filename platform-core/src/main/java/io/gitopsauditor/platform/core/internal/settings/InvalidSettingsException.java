package io.gitopsauditor.platform.core.internal.settings;

import io.gitopsauditor.plugin.api.ProblemException;
import java.util.List;

/**
 * Some values of a settings change are invalid: answered as 400 problem+json with an
 * {@code errors} member, one entry per field, so the form can show each next to its input.
 */
public final class InvalidSettingsException extends ProblemException {
    private static final long serialVersionUID = 1L;

    /**
     * @param field   the setting's key
     * @param message what is wrong with its value
     */
    public record FieldError(String field, String message) {
    }

    private final transient List<FieldError> errors;

    InvalidSettingsException(List<FieldError> errors) {
        super(400, "Invalid settings", summary(errors));
        this.errors = List.copyOf(errors);
    }

    private static String summary(List<FieldError> errors) {
        return String.join("; ", errors.stream().map(e -> e.field() + " " + e.message()).toList());
    }

    public List<FieldError> errors() {
        return errors;
    }
}
