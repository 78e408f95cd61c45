package io.gitopsauditor.plugin.api;

/**
 * Declares this plugin's UI bundle: a built ES module (and its assets) inside the plugin jar,
 * served by the kernel at {@code /ui/<id>/} and listed in {@code /api/platform/plugins} so the
 * dashboard loads it at run time.
 *
 * @since 0.1
 */
public interface UiRegistrar {

    /**
     * Declares the bundle.
     *
     * @param resourceFolder the folder in the jar holding the bundle, e.g. {@code META-INF/ui/hello};
     *                       keep it under {@code META-INF/}: other folders whose names could be Java
     *                       packages are encapsulated in a named module, and the kernel could not serve them
     * @param entry          the ES module the dashboard imports, relative to the folder, e.g. {@code index.js}
     * @throws IllegalArgumentException when the folder or entry is missing from the jar
     */
    void bundle(String resourceFolder, String entry);
}
