package io.gitopsauditor.platform.core.testkit;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a real plugin jar in a temp folder: compiles Java sources (with their module-info)
 * against the plugin API with the JDK's compiler, adds resources, writes a jar. Also writes
 * deliberately broken jars for the tests that prove the kernel survives them.
 */
public final class PluginJarBuilder {
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, byte[]> resources = new LinkedHashMap<>();

    public static PluginJarBuilder plugin() {
        return new PluginJarBuilder();
    }

    /** A minimal plugin module whose plugin class body is given (imports of the API are in place). */
    public static PluginJarBuilder simplePlugin(String module, String id, String apiVersion, String members) {
        String pkg = module + ".internal";
        return plugin()
                .source("module-info.java", "module " + module + " {\n requires io.gitopsauditor.plugin.api;\n"
                        + " provides io.gitopsauditor.plugin.api.spi.Plugin with " + pkg + ".TestPlugin;\n"
                        + " opens " + pkg + " to org.glassfish.jersey.core.server, org.glassfish.hk2.locator, com.fasterxml.jackson.databind;\n}\n")
                .source(pkg.replace('.', '/') + "/TestPlugin.java", "package " + pkg + ";\n"
                        + "import io.gitopsauditor.plugin.api.*;\nimport io.gitopsauditor.plugin.api.spi.Plugin;\n"
                        + "public final class TestPlugin implements Plugin {\n"
                        + " public PluginDescriptor descriptor() { return PluginDescriptor.builder(\"" + id + "\", \"1.0.0\")"
                        + ".requiresApi(\"" + apiVersion + "\").build(); }\n" + members + "\n}\n");
    }

    public PluginJarBuilder source(String path, String content) {
        sources.put(path, content);
        return this;
    }

    public PluginJarBuilder resource(String path, String content) {
        resources.put(path, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public PluginJarBuilder rawEntry(String path, byte[] content) {
        resources.put(path, content);
        return this;
    }

    /** Adds every file under a Maven module's {@code src/main/java} and {@code src/main/resources}. */
    public PluginJarBuilder mavenModule(Path moduleDir) throws IOException {
        addTree(moduleDir.resolve("src/main/java"), true);
        addTree(moduleDir.resolve("src/main/resources"), false);
        return this;
    }

    private void addTree(Path root, boolean java) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = root.relativize(file).toString().replace(File.separatorChar, '/');
                if (java && relative.endsWith(".java")) {
                    sources.put(relative, Files.readString(file));
                } else {
                    resources.put(relative, Files.readAllBytes(file));
                }
            }
        }
    }

    /** Compiles and writes {@code dir/fileName}; fails the test with the compiler's messages if it does not compile. */
    public Path buildInto(Path dir, String fileName) throws IOException {
        Path work = Files.createTempDirectory("plugin-build");
        Path classes = work.resolve("classes");
        Files.createDirectories(classes);
        if (!sources.isEmpty()) {
            compile(work.resolve("src"), classes);
        }
        resources.forEach((path, bytes) -> write(classes.resolve(path), bytes));
        Files.createDirectories(dir);
        Path jar = dir.resolve(fileName);
        writeJar(classes, jar);
        return jar;
    }

    private void compile(Path sourceDir, Path classes) throws IOException {
        List<File> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = sourceDir.resolve(source.getKey());
            write(file, source.getValue().getBytes(StandardCharsets.UTF_8));
            files.add(file.toFile());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter messages = new StringWriter();
        try (var fileManager = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            List<String> options = new ArrayList<>(List.of("--release", "21", "-proc:none", "-Xlint:-module,-options",
                    "--module-path", modulePath(), "-d", classes.toString()));
            if (!sources.containsKey("module-info.java")) {
                options.addAll(List.of("--add-modules", "io.gitopsauditor.plugin.api")); // a plain, non-modular jar
            }
            boolean ok = compiler.getTask(messages, fileManager, null, options, null,
                    fileManager.getJavaFileObjectsFromFiles(files)).call();
            if (!ok) {
                throw new AssertionError("plugin sources do not compile:\n" + messages);
            }
        }
    }

    /**
     * The module path of the running test JVM without test-only libraries: what a launcher puts on
     * the module path to run the platform (the kernel module is its {@code target/classes}).
     */
    public static String runtimeModulePath() {
        return java.util.Arrays.stream(modulePath().split(File.pathSeparator))
                .filter(entry -> !entry.contains("junit") && !entry.contains("assertj") && !entry.contains("opentest4j")
                        && !entry.contains("apiguardian") && !entry.contains("byte-buddy") && !entry.contains("test-classes"))
                .collect(java.util.stream.Collectors.joining(File.pathSeparator));
    }

    /** Everything the test runtime has on its module path (the plugin API and its requirements among it). */
    static String modulePath() {
        Set<String> entries = new LinkedHashSet<>();
        ModuleLayer.boot().configuration().modules().forEach(module -> module.reference().location()
                .filter(uri -> "file".equals(uri.getScheme()))
                .map(URI::getPath)
                .ifPresent(entries::add));
        Optional.ofNullable(System.getProperty("jdk.module.path"))
                .ifPresent(path -> entries.addAll(List.of(path.split(File.pathSeparator))));
        return String.join(File.pathSeparator, entries);
    }

    private static void writeJar(Path classes, Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest);
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.sorted().toList()) {
                if (file.equals(classes)) {
                    continue;
                }
                String name = classes.relativize(file).toString().replace(File.separatorChar, '/');
                if (Files.isDirectory(file)) {
                    jarOut.putNextEntry(new JarEntry(name + "/"));
                } else {
                    jarOut.putNextEntry(new JarEntry(name));
                    jarOut.write(Files.readAllBytes(file));
                }
                jarOut.closeEntry();
            }
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
