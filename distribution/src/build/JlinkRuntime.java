import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolvedModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Build step of the distribution (run by Maven with the JDK Maven runs on, as a single-file source program):
 * works out which JDK modules the platform in {@code lib/} needs and jlinks a runtime of exactly those into
 * {@code runtime/}, so an installed server needs no JDK.
 *
 * <pre>
 * java JlinkRuntime.java LIB_DIR ROOT_MODULE OUTPUT_DIR STAMP_FILE ADD_MODULES EXCLUDE_MODULES
 * </pre>
 *
 * The modules come from three places, and the build prints which module came from where:
 * <ol>
 *   <li>every non-static {@code requires} of a JDK module by an explicit module that the boot layer resolves
 *       from {@code ROOT_MODULE} (service providers in {@code lib/} included): without one of these the JVM
 *       refuses to start;</li>
 *   <li>what {@code jdeps} finds the automatic modules (plain jars, which declare nothing) really use, less
 *       {@code EXCLUDE_MODULES} (comma-separated; only ever removes a module found this way);</li>
 *   <li>{@code ADD_MODULES} (comma-separated): what no static analysis sees, such as service providers
 *       ({@code jdk.zipfs}) and what the platform will need soon.</li>
 * </ol>
 * jlink adds the {@code requires} closure of those by itself. When OUTPUT_DIR already holds a runtime of the same
 * modules, Java version and options (recorded in STAMP_FILE), it is kept (jlink takes several seconds); anything
 * else rebuilds it.
 */
public class JlinkRuntime {

    /**
     * jlink options besides the modules. --strip-debug drops Java debug attributes; the default CDS archive
     * (--generate-cds-archive) speeds every start and is the base that the launcher's dynamic archive needs.
     */
    static final List<String> JLINK_OPTIONS = List.of(
            "--strip-debug", "--no-header-files", "--no-man-pages", "--compress=zip-6", "--generate-cds-archive");

    /**
     * Removed after jlink: the CDS archive for heaps over 32 GiB (no compressed oops), 14 MiB that a homelab
     * server never uses; with such a heap the JVM simply starts without the base archive.
     */
    static final List<String> DROPPED_FILES = List.of("lib/server/classes_nocoops.jsa");

    public static void main(String[] args) throws IOException {
        if (args.length != 6) {
            fail("usage: java JlinkRuntime.java LIB_DIR ROOT_MODULE OUTPUT_DIR STAMP_FILE ADD_MODULES EXCLUDE_MODULES");
        }
        Path lib = Path.of(args[0]).toAbsolutePath();
        String root = args[1];
        Path output = Path.of(args[2]).toAbsolutePath();
        Path stampFile = Path.of(args[3]).toAbsolutePath();
        Set<String> added = names(args[4]);
        Set<String> excluded = names(args[5]);

        ModuleFinder system = ModuleFinder.ofSystem();
        for (String name : added) {
            if (system.find(name).isEmpty()) {
                fail("ADD_MODULES names " + name + ", which this JDK (" + Runtime.version() + ") does not have");
            }
        }

        // The lib/ modules the JVM resolves at boot: from the root module, with the providers in lib/ bound, against
        // this JDK's modules (the parent). Requires of JDK modules are satisfied by the parent and listed below.
        Configuration parent = ModuleLayer.boot().configuration();
        Configuration platform;
        try {
            platform = parent.resolveAndBind(ModuleFinder.of(lib), ModuleFinder.of(), Set.of(root));
        } catch (RuntimeException e) {
            fail("cannot resolve " + root + " from " + lib + ": " + e.getMessage());
            return;
        }

        Map<String, String> why = new LinkedHashMap<>(); // JDK module -> the first reason found
        List<Path> automaticJars = new ArrayList<>();
        platform.modules().stream().sorted(Comparator.comparing(ResolvedModule::name)).forEach(module -> {
            ModuleDescriptor descriptor = module.reference().descriptor();
            if (descriptor.isAutomatic()) {
                automaticJars.add(Path.of(module.reference().location().orElseThrow()));
                return;
            }
            for (ModuleDescriptor.Requires requires : descriptor.requires()) {
                if (!requires.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC)
                        && system.find(requires.name()).isPresent()) {
                    why.putIfAbsent(requires.name(), "required by " + descriptor.name());
                }
            }
        });
        for (String name : excluded) {
            if (why.containsKey(name)) {
                fail("EXCLUDE_MODULES names " + name + ", but it is " + why.get(name) + ": the JVM would not start");
            }
        }

        // Automatic modules declare no requires: ask jdeps what their classes use.
        if (!automaticJars.isEmpty()) {
            List<String> jdepsArgs = new ArrayList<>(List.of("--multi-release", String.valueOf(Runtime.version().feature()),
                    "--ignore-missing-deps", "--print-module-deps", "--module-path", lib.toString()));
            automaticJars.forEach(jar -> jdepsArgs.add(jar.toString()));
            String out = run("jdeps", jdepsArgs);
            // The answer is the last line (jdeps warns about split packages among automatic modules before it).
            String[] lines = out.strip().split("\\R");
            for (String name : names(lines[lines.length - 1])) {
                if (system.find(name).isPresent() && !excluded.contains(name)) {
                    why.putIfAbsent(name, "used by an automatic module (jdeps)");
                }
            }
        }
        for (String name : added) {
            why.putIfAbsent(name, "added by the build (ADD_MODULES)");
        }
        why.putIfAbsent("java.base", "always");

        Set<String> modules = new TreeSet<>(why.keySet());

        String stamp = "java " + Runtime.version() + " (" + System.getProperty("java.home") + ")\n"
                + "modules " + String.join(",", modules) + "\n"
                + "options " + String.join(" ", JLINK_OPTIONS) + "\n"
                + "dropped " + String.join(" ", DROPPED_FILES) + "\n";
        if (Files.isExecutable(output.resolve("bin/java")) && Files.isRegularFile(stampFile)
                && Files.readString(stampFile).equals(stamp)) {
            System.out.println("[jlink] " + output + " is up to date (Java " + Runtime.version() + ", "
                    + String.join(",", modules) + ")");
            return;
        }
        System.out.println("[jlink] JDK modules for " + root + " (jlink adds what these require):");
        modules.forEach(name -> System.out.printf("[jlink]   %-22s %s%n", name, why.get(name)));

        deleteTree(output);
        Files.deleteIfExists(stampFile);
        List<String> jlinkArgs = new ArrayList<>(List.of("--add-modules", String.join(",", modules), "--output", output.toString()));
        jlinkArgs.addAll(JLINK_OPTIONS);
        System.out.println("[jlink] jlink " + String.join(" ", jlinkArgs));
        run("jlink", jlinkArgs);
        for (String file : DROPPED_FILES) {
            Files.deleteIfExists(output.resolve(file));
        }
        Files.writeString(stampFile, stamp);
        System.out.printf("[jlink] %s: %.1f MiB%n", output, size(output) / (1024.0 * 1024.0));
    }

    static Set<String> names(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Runs a JDK tool in this JVM; returns its output, or stops the build with it. */
    static String run(String tool, List<String> args) {
        ToolProvider provider = ToolProvider.findFirst(tool)
                .orElseThrow(() -> new IllegalStateException("this JDK has no " + tool + " tool: build with a full JDK"));
        StringWriter out = new StringWriter();
        int status;
        try (PrintWriter writer = new PrintWriter(out)) {
            status = provider.run(writer, writer, args.toArray(String[]::new));
        }
        if (status != 0) {
            fail(tool + " failed (exit " + status + "):\n" + out);
        }
        return out.toString();
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    static long size(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
        }
    }

    static void fail(String message) {
        System.err.println("[jlink] error: " + message);
        System.exit(1);
    }
}
