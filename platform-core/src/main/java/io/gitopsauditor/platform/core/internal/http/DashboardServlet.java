package io.gitopsauditor.platform.core.internal.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Answers every path nothing else serves: the shell's index.html for anything that looks like a
 * page (no dot in its last segment), 404 for anything that looks like a missing file or sits under
 * a kernel prefix. Without a built shell, a page says so instead.
 */
final class DashboardServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String NOT_BUILT = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>GitOps Auditor</title></head>
            <body><h1>GitOps Auditor</h1>
            <p>The dashboard is not part of this build: the web-ui module's jar is not on the module path.
            The server and its REST API at <a href="/api/platform/health">/api</a> work without it.
            Build the whole project (<code>./mvnw package</code>) or use the distribution to get the dashboard.</p>
            </body></html>
            """;

    private final transient Optional<byte[]> index;
    private final String contentSecurityPolicy;

    DashboardServlet(Optional<byte[]> index, String contentSecurityPolicy) {
        this.index = index;
        this.contentSecurityPolicy = contentSecurityPolicy;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (underKernelPrefix(path) || looksLikeFile(path)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body = index.orElse(NOT_BUILT.getBytes(StandardCharsets.UTF_8));
        response.setStatus(index.isPresent() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("text/html;charset=utf-8");
        // The page names the current hashed assets: it must be revalidated, or a browser keeps yesterday's shell.
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("Content-Security-Policy", contentSecurityPolicy);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Paths the kernel owns: a miss there is a miss, never a dashboard route. */
    static boolean underKernelPrefix(String path) {
        return path.equals("/api") || path.startsWith("/api/") || path.equals("/ws") || path.startsWith("/ws/")
                || path.equals("/ui") || path.startsWith("/ui/") || path.startsWith("/assets/") || path.startsWith("/vendor/");
    }

    /** "/favicon.ico", "/robots.txt": a missing file, not a page ("/index.html" itself is the page). */
    static boolean looksLikeFile(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.contains(".") && !last.equals("index.html");
    }
}
