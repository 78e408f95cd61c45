package io.gitopsauditor.platform.core.internal.security;

import io.gitopsauditor.platform.core.internal.http.Problem;
import io.gitopsauditor.plugin.api.RequiresScope;
import io.gitopsauditor.plugin.api.Scope;
import jakarta.annotation.Priority;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.SecurityContext;
import java.lang.reflect.Method;

/**
 * Checks, for every resource method of the kernel and of every plugin, that the caller the gate
 * let through has the scope the method needs: {@link RequiresScope} on the method or its class,
 * else READ for GET/HEAD and WRITE for the rest. A method without a caller is refused unless the
 * kernel marked it {@link PublicRoute}: deny by default, a second time. It also gives resources a
 * standard {@link SecurityContext} ({@code isUserInRole("ADMIN")} and so on).
 */
public final class ScopeFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        context.register(new ScopeFilter(required(method, resource.getResourceClass()), method.isAnnotationPresent(PublicRoute.class)));
    }

    static Scope required(Method method, Class<?> type) {
        RequiresScope onMethod = method.getAnnotation(RequiresScope.class);
        if (onMethod != null) {
            return onMethod.value();
        }
        RequiresScope onType = type == null ? null : type.getAnnotation(RequiresScope.class);
        if (onType != null) {
            return onType.value();
        }
        return method.isAnnotationPresent(GET.class) || method.isAnnotationPresent(HEAD.class) ? Scope.READ : Scope.WRITE;
    }

    @Priority(Priorities.AUTHORIZATION)
    private record ScopeFilter(Scope required, boolean isPublic) implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            Object caller = request.getProperty(Principal.ATTRIBUTE);
            if (!(caller instanceof Principal principal)) {
                if (!isPublic) {
                    request.abortWith(Problem.of(401, "Unauthorized", "Log in, or send an API token.").toResponse());
                }
                return;
            }
            if (!principal.scope().covers(required)) {
                request.abortWith(Problem.of(403, "Forbidden", "This needs the " + required.name().toLowerCase(java.util.Locale.ROOT)
                        + " scope; the caller has " + principal.scope().name().toLowerCase(java.util.Locale.ROOT) + ".").toResponse());
                return;
            }
            boolean secure = "https".equals(request.getUriInfo().getRequestUri().getScheme());
            request.setSecurityContext(new SecurityContext() {
                @Override
                public java.security.Principal getUserPrincipal() {
                    return principal;
                }

                @Override
                public boolean isUserInRole(String role) {
                    try {
                        return principal.scope().covers(Scope.valueOf(role.toUpperCase(java.util.Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        return false;
                    }
                }

                @Override
                public boolean isSecure() {
                    return secure;
                }

                @Override
                public String getAuthenticationScheme() {
                    return principal.viaSession() ? "SESSION" : "BEARER";
                }
            });
        }
    }
}
