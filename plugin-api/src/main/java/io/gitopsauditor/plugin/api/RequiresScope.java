package io.gitopsauditor.plugin.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Raises the scope a REST resource method (or every method of a resource class) needs above the
 * default (READ for {@code GET}/{@code HEAD}, WRITE otherwise). The kernel answers 403 to a
 * caller without it.
 *
 * <pre>{@code
 * @PUT @Path("secrets/{name}")
 * @RequiresScope(Scope.ADMIN)
 * public void putSecret(...) { ... }
 * }</pre>
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresScope {
    /**
     * @return the least scope a caller needs
     */
    Scope value();
}
