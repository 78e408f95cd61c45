package io.gitopsauditor.platform.core.internal.plugin;

import io.gitopsauditor.plugin.api.spi.Plugin;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds plugins: built-in ones in the boot layer, then each jar (or folder of jars: a plugin with
 * its libraries) in the plugins folder, resolved into a child {@link ModuleLayer} of its own so
 * that one broken jar cannot stop the others. Whatever cannot be loaded becomes a FAILED handle
 * named after its file, with the reason.
 */
public final class PluginDiscovery {
    private static final Logger LOG = LoggerFactory.getLogger(PluginDiscovery.class);

    private PluginDiscovery() {
    }

    /** Built-in plugins first, then the plugins folder in file-name order. */
    public static List<PluginHandle> discover(Path pluginsDir) {
        List<PluginHandle> found = new ArrayList<>(fromLayer(ModuleLayer.boot(), null));
        for (Path entry : entries(pluginsDir)) {
            found.addAll(fromFile(entry));
        }
        return found;
    }

    private static List<Path> entries(Path pluginsDir) {
        if (pluginsDir == null || !Files.isDirectory(pluginsDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(pluginsDir)) {
            return files.filter(p -> Files.isDirectory(p) || p.getFileName().toString().endsWith(".jar"))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            LOG.warn("cannot list plugins folder {}: {}", pluginsDir, e.getMessage());
            return List.of();
        }
    }

    private static List<PluginHandle> fromFile(Path entry) {
        String name = entry.getFileName().toString().replaceFirst("\\.jar$", "");
        ModuleLayer layer;
        try {
            ModuleFinder finder = ModuleFinder.of(entry);
            Set<String> roots = finder.findAll().stream()
                    .map(ModuleReference::descriptor)
                    .map(java.lang.module.ModuleDescriptor::name)
                    .collect(Collectors.toSet());
            if (roots.isEmpty()) {
                return List.of(PluginHandle.broken(name, PluginOrigin.file(entry, null), "no Java module found in " + entry.getFileName()));
            }
            Configuration configuration = ModuleLayer.boot().configuration()
                    .resolveAndBind(finder, ModuleFinder.of(), roots);
            layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration, PluginDiscovery.class.getClassLoader());
        } catch (RuntimeException e) {
            // FindException (bad descriptor), ResolutionException (missing requirement),
            // LayerInstantiationException (package clash): refuse this file, keep going.
            return List.of(PluginHandle.broken(name, PluginOrigin.file(entry, null),
                    "cannot load " + entry.getFileName() + ": " + messageOf(e)));
        }
        List<PluginHandle> handles = fromLayer(layer, entry);
        if (handles.isEmpty()) {
            String modules = layer.modules().stream().map(Module::getName).sorted().collect(Collectors.joining(", "));
            return List.of(PluginHandle.broken(name, PluginOrigin.file(entry, modules),
                    entry.getFileName() + " holds no plugin: module " + modules + " provides no " + Plugin.class.getName()));
        }
        return handles;
    }

    /** Providers whose module belongs to this very layer (not inherited from a parent). */
    private static List<PluginHandle> fromLayer(ModuleLayer layer, Path file) {
        List<PluginHandle> handles = new ArrayList<>();
        Iterator<ServiceLoader.Provider<Plugin>> providers = ServiceLoader.load(layer, Plugin.class).stream().iterator();
        while (true) {
            ServiceLoader.Provider<Plugin> provider;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                provider = providers.next();
            } catch (ServiceConfigurationError e) {
                String name = file == null ? "unknown" : file.getFileName().toString();
                handles.add(PluginHandle.broken(name, origin(file, null), "cannot load plugin provider: " + messageOf(e)));
                continue;
            }
            Module module = provider.type().getModule();
            if (module.getLayer() != layer) {
                continue;
            }
            if (module.getDescriptor().isAutomatic()) {
                // An automatic module opens every package and reads everything: not a plugin boundary.
                handles.add(PluginHandle.broken(module.getName(), origin(file, module.getName()), "module " + module.getName()
                        + " has no module-info.class; a plugin must be an explicit module (see the plugin guide)"));
                continue;
            }
            handles.add(instantiate(provider, module, file));
        }
        return handles;
    }

    private static PluginHandle instantiate(ServiceLoader.Provider<Plugin> provider, Module module, Path file) {
        PluginOrigin origin = origin(file, module.getName());
        Plugin plugin;
        try {
            plugin = provider.get();
        } catch (ServiceConfigurationError | RuntimeException e) {
            return PluginHandle.broken(module.getName(), origin, "cannot create plugin " + provider.type().getSimpleName() + ": " + messageOf(e));
        }
        try {
            return PluginHandle.discovered(plugin, plugin.descriptor(), origin);
        } catch (RuntimeException e) {
            return PluginHandle.broken(module.getName(), origin, "invalid plugin descriptor: " + messageOf(e));
        }
    }

    private static PluginOrigin origin(Path file, String module) {
        return file == null ? PluginOrigin.builtIn(module == null ? "?" : module) : PluginOrigin.file(file, module);
    }

    static String messageOf(Throwable e) {
        Throwable shown = e;
        while (shown.getMessage() == null && shown.getCause() != null) {
            shown = shown.getCause();
        }
        if (shown.getMessage() == null) {
            return "failed without a message (" + shown.getClass().getSimpleName() + ")";
        }
        return shown.getMessage();
    }
}
