import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Build step of the distribution (run by Maven as a single-file source program, after lib/ is filled and
 * before the tarball): rewrites the jars of {@code lib/} that carry what a linux-x64 server never uses.
 *
 * <pre>
 * java TrimLib.java LIB_DIR NATIVE_DIR
 * </pre>
 *
 * <ul>
 *   <li><b>sqlite-jdbc</b> ships its native library for 25 platforms (12 MB). The linux-x64 one goes to
 *       {@code NATIVE_DIR/libsqlitejdbc.so}, where the launcher points {@code org.sqlite.lib.path}: the driver
 *       then loads it in place instead of copying it out of the jar to the temp folder on every start. The
 *       jar keeps none.</li>
 *   <li><b>Signed jars</b> (Bouncy Castle, JGit) lose their signature files and the manifest's per-entry
 *       digests: the JVM checks a signed jar's signature as it opens it and each class's digest as it loads it,
 *       and keeps the parsed manifest (855 KB for Bouncy Castle) in memory, about 12 MiB of the server's resident
 *       size. A signature proves nothing on the module path (there is no security policy to grant it anything),
 *       and what the jars hold is checked by Maven when it downloads them.</li>
 * </ul>
 * Classes, {@code module-info.class} and the manifest's main attributes ({@code Multi-Release}, ...) are kept as
 * they are, so every jar stays the same module. Entries keep their order and times. The build prints what went.
 */
public class TrimLib {

    /** Where sqlite-jdbc keeps its natives, and the one this tarball needs. */
    static final String SQLITE_NATIVES = "org/sqlite/native/";
    static final String SQLITE_LINUX_X64 = SQLITE_NATIVES + "Linux/x86_64/libsqlitejdbc.so";
    static final Pattern SIGNATURE_FILE = Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)");

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            fail("usage: java TrimLib.java LIB_DIR NATIVE_DIR");
        }
        Path lib = Path.of(args[0]);
        Path natives = Path.of(args[1]);
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(lib, "*.jar")) {
            for (Path jar : jars) {
                String name = jar.getFileName().toString();
                if (name.startsWith("sqlite-jdbc-")) {
                    extractSqliteNative(jar, natives);
                    rewrite(jar, entry -> !entry.startsWith(SQLITE_NATIVES), false);
                } else if (isSigned(jar)) {
                    rewrite(jar, entry -> !SIGNATURE_FILE.matcher(entry).matches(), true);
                }
            }
        }
    }

    private static boolean isSigned(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().anyMatch(entry -> SIGNATURE_FILE.matcher(entry.getName()).matches());
        }
    }

    private static void extractSqliteNative(Path jar, Path natives) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry library = zip.getEntry(SQLITE_LINUX_X64);
            if (library == null) {
                fail(jar.getFileName() + " has no " + SQLITE_LINUX_X64 + ": has sqlite-jdbc moved its natives?");
            }
            Files.createDirectories(natives);
            try (InputStream in = zip.getInputStream(library)) {
                Files.copy(in, natives.resolve("libsqlitejdbc.so"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        System.out.println("[trim-lib] " + jar.getFileName() + ": " + SQLITE_LINUX_X64 + " -> " + natives.resolve("libsqlitejdbc.so"));
    }

    @FunctionalInterface
    private interface Keep {
        boolean test(String entryName);
    }

    /** Writes the jar again with only the entries kept; with {@code mainManifestOnly}, the manifest's main section only. */
    private static void rewrite(Path jar, Keep keep, boolean mainManifestOnly) throws IOException {
        Path trimmed = jar.resolveSibling(jar.getFileName() + ".trimmed");
        long before = Files.size(jar);
        int dropped = 0;
        try (ZipFile zip = new ZipFile(jar.toFile()); OutputStream file = Files.newOutputStream(trimmed);
             ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry entry : zip.stream().toList()) {
                if (!keep.test(entry.getName())) {
                    dropped++;
                    continue;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                try (InputStream in = zip.getInputStream(entry)) {
                    if (mainManifestOnly && entry.getName().equals(JarFile.MANIFEST_NAME)) {
                        out.write(mainSection(in));
                    } else {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
        Files.move(trimmed, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("[trim-lib] %s: %d entries dropped%s, %.1f MB -> %.1f MB%n", jar.getFileName(), dropped,
                mainManifestOnly ? " (signature) and the manifest's digests" : "", before / 1e6, Files.size(jar) / 1e6);
    }

    private static byte[] mainSection(InputStream in) throws IOException {
        Manifest manifest = new Manifest(in);
        Manifest main = new Manifest();
        main.getMainAttributes().putAll(manifest.getMainAttributes());
        main.getMainAttributes().putIfAbsent(Attributes.Name.MANIFEST_VERSION, "1.0");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        main.write(bytes);
        return bytes.toByteArray();
    }

    private static void fail(String message) {
        System.err.println("[trim-lib] " + message);
        System.exit(1);
    }
}
