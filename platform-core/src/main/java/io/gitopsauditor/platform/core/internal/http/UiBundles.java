package io.gitopsauditor.platform.core.internal.http;

import io.gitopsauditor.platform.core.internal.plugin.Contributions.UiBundle;
import java.net.URL;
import org.eclipse.jetty.ee11.servlet.ResourceServlet;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;

/**
 * Serves each live plugin's UI bundle at {@code /ui/<id>/}, straight from its jar (or folder),
 * with Jetty's resource servlet: ETags, ranges and content types, no directory listings, and no
 * way out of the bundle's folder.
 */
final class UiBundles {
    private UiBundles() {
    }

    static String entryPath(String pluginId, UiBundle bundle) {
        return "/ui/" + pluginId + "/" + bundle.entry();
    }

    static void mount(ServletContextHandler context, String pluginId, UiBundle bundle) {
        URL entry = bundle.loader().getResource(bundle.folder() + "/" + bundle.entry());
        if (entry == null) {
            throw new IllegalStateException(pluginId + ": UI entry " + bundle.folder() + "/" + bundle.entry() + " vanished");
        }
        String url = entry.toString();
        ServletHolder holder = new ServletHolder("ui-" + pluginId, ResourceServlet.class);
        holder.setInitParameter("baseResource", url.substring(0, url.length() - bundle.entry().length()));
        holder.setInitParameter("pathInfoOnly", "true");
        holder.setInitParameter("dirAllowed", "false");
        holder.setInitParameter("etags", "true");
        // Bundles change when a jar is replaced; revalidate (cheap, thanks to ETags) rather than cache stale code.
        holder.setInitParameter("cacheControl", "no-cache");
        context.addServlet(holder, "/ui/" + pluginId + "/*");
    }
}
