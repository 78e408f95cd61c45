package io.gitopsauditor.platform.core.testkit;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Ref;

/**
 * Git's "dumb" HTTP protocol for {@link FakeGitHub}: the files of a bare repository as they are,
 * plus the two index files a real server would write with {@code git update-server-info}
 * ({@code info/refs}, {@code objects/info/packs}), made on each request from the repository.
 */
final class GitOverHttp {

    private GitOverHttp() {
    }

    /** @return whether {@code path} was a repository's and has been answered */
    static boolean serve(HttpExchange exchange, String path, Map<String, Path> repositories) throws IOException {
        for (Map.Entry<String, Path> repository : repositories.entrySet()) {
            if (path.startsWith(repository.getKey() + "/")) {
                String file = path.substring(repository.getKey().length() + 1);
                byte[] body = read(repository.getValue(), file);
                exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
                    exchange.getResponseBody().write(body);
                }
                return true;
            }
        }
        return false;
    }

    private static byte[] read(Path bare, String file) throws IOException {
        if (file.equals("info/refs")) {
            StringBuilder refs = new StringBuilder();
            try (Git git = Git.open(bare.toFile())) {
                for (Ref ref : git.getRepository().getRefDatabase().getRefsByPrefix("refs/")) {
                    refs.append(ref.getObjectId().name()).append('\t').append(ref.getName()).append('\n');
                }
            }
            return refs.toString().getBytes(StandardCharsets.UTF_8);
        }
        if (file.equals("objects/info/packs")) {
            StringBuilder packs = new StringBuilder();
            Path packDir = bare.resolve("objects/pack");
            if (Files.isDirectory(packDir)) {
                try (Stream<Path> files = Files.list(packDir)) {
                    files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".pack"))
                            .forEach(n -> packs.append("P ").append(n).append('\n'));
                }
            }
            return packs.append('\n').toString().getBytes(StandardCharsets.UTF_8);
        }
        Path target = bare.resolve(file).normalize();
        return target.startsWith(bare) && Files.isRegularFile(target) ? Files.readAllBytes(target) : null;
    }
}
