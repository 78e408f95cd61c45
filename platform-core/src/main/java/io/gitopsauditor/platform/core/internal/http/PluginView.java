package io.gitopsauditor.platform.core.internal.http;

import io.gitopsauditor.platform.core.internal.plugin.PluginHandle;
import io.gitopsauditor.plugin.api.PluginDescriptor;
import io.gitopsauditor.plugin.api.PluginState;
import java.util.List;

/**
 * A plugin as {@code GET /api/platform/plugins} shows it, in start order (required plugins first, then by id). Contributions (REST base path, channels,
 * UI entry) are listed for plugins that are live; a plugin that failed serves none of them.
 *
 * @param id           the plugin id (for a jar that failed before it had one: its file name)
 * @param name         human-readable name
 * @param version      the plugin's version
 * @param description  one sentence
 * @param state        its lifecycle state
 * @param reason       why it FAILED
 * @param source       {@code module path} or the file in the plugins folder
 * @param module       its Java module
 * @param requiredApi  the plugin API version it needs
 * @param requires     the ids of the plugins it needs (it starts after them)
 * @param restBasePath where its REST resources are served
 * @param channels     its WebSocket channels
 * @param channelScopes the scope each channel's subscribers need ({@code READ}, {@code WRITE} or {@code ADMIN})
 * @param ui           its UI bundle
 */
public record PluginView(String id, String name, String version, String description, PluginState state, String reason,
                         String source, String module, String requiredApi, List<String> requires, String restBasePath, List<String> channels,
                         java.util.Map<String, io.gitopsauditor.plugin.api.Scope> channelScopes,
                         Ui ui) {

    /**
     * @param entry the ES module the dashboard imports
     * @param base  the folder its assets are served from
     */
    public record Ui(String entry, String base) {
    }

    public static PluginView of(PluginHandle handle) {
        PluginDescriptor descriptor = handle.descriptor().orElse(null);
        boolean live = handle.isLive();
        var contributions = handle.contributions();
        return new PluginView(
                handle.id(),
                descriptor == null ? handle.id() : descriptor.name(),
                descriptor == null ? null : descriptor.version(),
                descriptor == null ? null : descriptor.description(),
                handle.state(),
                handle.reason().orElse(null),
                handle.origin().describe(),
                handle.origin().module().orElse(null),
                descriptor == null ? null : descriptor.requiredApi().toString(),
                descriptor == null ? List.of() : descriptor.requires(),
                live && !contributions.restResources().isEmpty() ? "/api/" + handle.id() : null,
                live ? List.copyOf(contributions.channels()) : List.of(),
                live ? contributions.channelScopes() : java.util.Map.of(),
                live ? contributions.uiBundle().map(b -> new Ui(UiBundles.entryPath(handle.id(), b), "/ui/" + handle.id() + "/")).orElse(null) : null);
    }
}
