import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Build step of the distribution (run by Maven as a single-file source program on a JDK 24 or newer, whose
 * class-file API it uses; after lib/ is trimmed, before the tarball): rewrites the classes of lib/'s jars that
 * were compiled for Java 5 (class-file version 49) as Java 8 class files (52) with stack maps.
 *
 * <pre>
 * java RetargetOldClasses.java LIB_DIR
 * </pre>
 *
 * Why: the JVM leaves classes older than version 50 out of an AOT cache (they have no stack maps, so it cannot
 * verify them ahead of time). picocli is compiled for Java 5, and the command line is parsed before anything
 * else: every start of the server loaded, verified with the old type-inferring verifier and linked its 176
 * classes again, cache or not. Rewritten, they come from the cache with the rest.
 *
 * What changes: the version number, and each method's code is written again so that the class-file API adds the
 * stack maps version 50+ requires; the instructions stay the same. Each rewritten class is checked with the
 * class-file API's verifier, and a class that fails (or cannot be rewritten) is kept as it was, so the jar
 * always works: at worst, that class stays out of the cache. {@code module-info.class} and everything under
 * {@code META-INF/} are copied as they are, so every jar stays the same module. The build prints what changed.
 */
public class RetargetOldClasses {

    /** The first class-file version the JVM can verify ahead of time (Java 6, with stack maps). */
    static final int FIRST_CACHEABLE = ClassFile.JAVA_6_VERSION;
    /** What old classes become: Java 8, the oldest version a JDK 21+ javac still writes. */
    static final int TARGET = ClassFile.JAVA_8_VERSION;

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            fail("usage: java RetargetOldClasses.java LIB_DIR");
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of(args[0]), "*.jar")) {
            for (Path jar : jars) {
                if (hasOldClasses(jar)) {
                    retarget(jar);
                }
            }
        }
    }

    private static boolean hasOldClasses(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                if (isOrdinaryClass(entry.getName())) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        if (ClassFile.of().parse(in.readAllBytes()).majorVersion() < FIRST_CACHEABLE) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private static boolean isOrdinaryClass(String entryName) {
        return entryName.endsWith(".class") && !entryName.startsWith("META-INF/") && !entryName.endsWith("module-info.class");
    }

    private static void retarget(Path jar) throws IOException {
        Path rewritten = jar.resolveSibling(jar.getFileName() + ".retargeted");
        int changed = 0;
        int kept = 0;
        // Stack maps name the common supertype where two paths meet: the resolver reads the jar's own classes,
        // then the JDK's. A supertype in another jar is not needed by any jar rewritten so far; were one missing,
        // the rewrite of that class fails and it is kept as it was.
        try (URLClassLoader jarOnly = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
             ZipFile zip = new ZipFile(jar.toFile());
             OutputStream file = Files.newOutputStream(rewritten);
             ZipOutputStream out = new ZipOutputStream(file)) {
            ClassFile classFiles = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
                    ClassHierarchyResolver.ofResourceParsing(jarOnly).orElse(ClassHierarchyResolver.defaultResolver())));
            for (ZipEntry entry : zip.stream().toList()) {
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                if (isOrdinaryClass(entry.getName())) {
                    ClassModel model = classFiles.parse(bytes);
                    if (model.majorVersion() < FIRST_CACHEABLE) {
                        byte[] modern = modernised(classFiles, model);
                        if (modern != null) {
                            bytes = modern;
                            changed++;
                        } else {
                            kept++;
                            System.out.println("[retarget] " + jar.getFileName() + ": kept " + entry.getName() + " as it was");
                        }
                    }
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        }
        Files.move(rewritten, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("[retarget] %s: %d classes rewritten as Java 8 class files, %d kept%n", jar.getFileName(), changed, kept);
    }

    /** The class as a version-52 class file with stack maps, or null when that fails or does not verify. */
    private static byte[] modernised(ClassFile classFiles, ClassModel model) {
        try {
            ClassTransform newVersion = (builder, element) -> {
                if (element instanceof ClassFileVersion) {
                    builder.withVersion(TARGET, 0);
                } else {
                    builder.with(element);
                }
            };
            // Passing every method body through a code transform makes the API write the code again, and with it
            // the stack maps; untouched code would be copied as it was, without them.
            byte[] bytes = classFiles.transformClass(model,
                    ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL).andThen(newVersion));
            return classFiles.verify(bytes).isEmpty() ? bytes : null;
        } catch (IllegalArgumentException | IllegalStateException e) {
            return null;
        }
    }

    private static void fail(String message) {
        System.err.println("[retarget] " + message);
        System.exit(1);
    }
}
