package io.gitopsauditor.platform.core.security;

import static io.gitopsauditor.platform.core.security.SecurityFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsauditor.platform.core.testkit.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many password guesses at once from one address: the throttle counts each before the costly hash. */
class ConcurrentLoginTest {
    private static final int GUESSES = 40;
    private static final int LIMIT = 5;

    @TempDir
    Path data;

    @Test
    void concurrentWrongLoginsFromOneAddressCheckAtMostTheLimitAndTheRestGet429() throws Exception {
        try (TestServer server = TestServer.start(data)) {
            SecurityFixtures.adminSession(server);
            List<CompletableFuture<HttpResponse<String>>> guesses = IntStream.range(0, GUESSES)
                    .mapToObj(i -> server.client().sendAsync(json("/api/platform/login", server,
                            "{\"username\":\"admin\",\"password\":\"wrong guess number " + i + "\"}").build(),
                            HttpResponse.BodyHandlers.ofString()))
                    .toList();
            List<HttpResponse<String>> answers = guesses.stream().map(CompletableFuture::join).toList();

            long checked = answers.stream().filter(a -> a.statusCode() == 401).count();
            assertThat(checked).as("password checks that got through").isLessThanOrEqualTo(LIMIT);
            assertThat(answers).allSatisfy(a -> {
                assertThat(a.statusCode()).as(a.body()).isIn(401, 429, 503);
                if (a.statusCode() != 401) {
                    assertThat(a.headers().firstValue("Retry-After")).isPresent();
                    assertThat(a.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                }
            });
            long failedEvents = server.platform().securityStore().events(new io.gitopsauditor.plugin.api.list.PageRequest(0, 1000, java.util.List.of()), null).items().stream()
                    .filter(e -> e.type().equals("login-failed")).count();
            assertThat(failedEvents).as("failed logins recorded, one per password check").isEqualTo(checked);
        }
    }
}
