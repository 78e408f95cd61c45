package io.gitopsauditor.platform.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;

/** A kernel built or run without the web-ui jar says so at "/", in words, instead of failing. */
class DashboardWithoutShellTest {
    @Test
    void noShellOnTheModulePathMeansAReadablePageAtTheRoot() throws Exception {
        ClassLoader withoutShell = new ClassLoader(null) { };
        assertThat(Dashboard.find(withoutShell)).isEmpty();

        Server server = new Server(0);
        ServletContextHandler context = new ServletContextHandler("/");
        Dashboard.mount(context, Optional.empty());
        server.setHandler(context);
        server.start();
        try (HttpClient client = HttpClient.newHttpClient()) {
            URI root = server.getURI().resolve("/");
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(root).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(response.body()).contains("The dashboard is not part of this build");
        } finally {
            server.stop();
        }
    }

    @Test
    void withoutAnImportMapThePolicyStaysTheKernels() {
        assertThat(Dashboard.contentSecurityPolicy("<html><script type=\"module\" src=\"/a.js\"></script></html>"))
                .isEqualTo(io.gitopsauditor.platform.core.internal.security.AccessGate.CONTENT_SECURITY_POLICY);
    }
}
