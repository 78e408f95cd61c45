package io.gitopsauditor.platform.core.internal.http;

import io.gitopsauditor.platform.core.internal.security.AccessGate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee11.servlet.ResourceServlet;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;

/**
 * The dashboard shell (the {@code web-ui} module's jar, when it is on the module path), served at
 * {@code /}: its hashed assets under {@code /assets/} and {@code /vendor/} with long cache
 * lifetimes, and {@code index.html} for {@code /} and every other path that is not a file, so that
 * the shell's client-side routes survive a reload or a bookmark. Like the plugins' bundles these
 * files are public: they hold code, not data.
 */
public final class Dashboard {
    /** Where the web-ui jar keeps the built shell; under META-INF, so its module cannot encapsulate it. */
    public static final String FOLDER = "META-INF/gitops-auditor/dashboard/";
    /** Folders whose file names carry a content hash: a name never changes content, so browsers may keep them. */
    static final String[] HASHED_FOLDERS = {"/assets/*", "/vendor/*"};
    private static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

    private final String baseUrl;
    private final byte[] index;
    private final String contentSecurityPolicy;

    private Dashboard(String baseUrl, byte[] index, String contentSecurityPolicy) {
        this.baseUrl = baseUrl;
        this.index = index;
        this.contentSecurityPolicy = contentSecurityPolicy;
    }

    /** The shell visible to {@code loader}, or empty when it is not there (a kernel built or tested alone). */
    public static Optional<Dashboard> find(ClassLoader loader) {
        URL indexUrl = loader.getResource(FOLDER + "index.html");
        if (indexUrl == null) {
            return Optional.empty();
        }
        byte[] index;
        try (InputStream in = indexUrl.openStream()) {
            index = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the dashboard's index.html cannot be read from " + indexUrl, e);
        }
        String url = indexUrl.toString();
        return Optional.of(new Dashboard(url.substring(0, url.length() - "index.html".length()), index,
                contentSecurityPolicy(new String(index, StandardCharsets.UTF_8))));
    }

    /**
     * The policy for index.html: the kernel's, plus the hash of the page's inline import map. The map
     * must be inline (browsers load no external import maps), and a hash allows exactly that script,
     * where 'unsafe-inline' would allow any injected one.
     */
    static String contentSecurityPolicy(String html) {
        Matcher importMap = IMPORT_MAP.matcher(html);
        if (!importMap.find()) {
            return AccessGate.CONTENT_SECURITY_POLICY;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(importMap.group(1).getBytes(StandardCharsets.UTF_8));
            return AccessGate.CONTENT_SECURITY_POLICY.replace("script-src 'self'",
                    "script-src 'self' 'sha256-" + Base64.getEncoder().encodeToString(digest) + "'");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Mounts the shell on {@code context}, or the page that says it is missing. */
    static void mount(ServletContextHandler context, Optional<Dashboard> dashboard) {
        dashboard.ifPresent(found -> {
            ServletHolder assets = new ServletHolder("dashboard-assets", ResourceServlet.class);
            assets.setInitParameter("baseResource", found.baseUrl);
            assets.setInitParameter("pathInfoOnly", "false"); // /assets/x.js is the file assets/x.js of the shell
            assets.setInitParameter("dirAllowed", "false");
            assets.setInitParameter("etags", "true");
            assets.setInitParameter("cacheControl", "public, max-age=31536000, immutable");
            for (String folder : HASHED_FOLDERS) {
                context.addServlet(assets, folder); // one servlet, two mappings
            }
        });
        // "/" is the servlet default: whatever no other mapping (API, WebSocket, plugin bundles, assets) takes.
        context.addServlet(new ServletHolder("dashboard", new DashboardServlet(dashboard.map(found -> found.index),
                dashboard.map(found -> found.contentSecurityPolicy).orElse(AccessGate.CONTENT_SECURITY_POLICY))), "/");
    }
}
