package io.gitopsauditor.platform.core.internal.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a kernel route that works without a caller. It must also be listed in
 * {@link AccessGate#PUBLIC_ROUTES}; a test checks the two agree. Plugins cannot use it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PublicRoute {
}
