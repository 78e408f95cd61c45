package io.gitopsauditor.plugins.audit.internal.github;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RemoteUrlsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://github.com/octocat/Hello-World                      | github.com        | octocat | Hello-World
            https://github.com/octocat/Hello-World.git                  | github.com        | octocat | Hello-World
            https://github.com/octocat/Hello-World/                     | github.com        | octocat | Hello-World
            https://github.com/octocat/Hello-World.git/                 | github.com        | octocat | Hello-World
            http://github.com/octocat/Hello-World.git                   | github.com        | octocat | Hello-World
            https://GitHub.COM/octocat/Hello-World                      | github.com        | octocat | Hello-World
            https://user:ghp_secret@github.com/octocat/Hello-World.git  | github.com        | octocat | Hello-World
            https://ghp_secret@github.com/octocat/Hello-World.git       | github.com        | octocat | Hello-World
            https://x:p#a%ss@github.com/octocat/Hello-World.git         | github.com        | octocat | Hello-World
            https://github.com:443/octocat/Hello-World.git              | github.com        | octocat | Hello-World
            git@github.com:octocat/Hello-World.git                      | github.com        | octocat | Hello-World
            git@github.com:octocat/Hello-World                          | github.com        | octocat | Hello-World
            git@github.com:/octocat/Hello-World.git                     | github.com        | octocat | Hello-World
            github.com:octocat/Hello-World.git                          | github.com        | octocat | Hello-World
            ssh://git@github.com/octocat/Hello-World.git                | github.com        | octocat | Hello-World
            ssh://git@github.com:22/octocat/Hello-World.git             | github.com        | octocat | Hello-World
            ssh://github.com/octocat/Hello-World                        | github.com        | octocat | Hello-World
            git+ssh://git@github.com/octocat/Hello-World.git            | github.com        | octocat | Hello-World
            git://github.com/octocat/Hello-World.git                    | github.com        | octocat | Hello-World
            https://ghe.example.com/platform/infra.git                  | ghe.example.com   | platform | infra
            git@ghe.example.com:platform/infra.git                      | ghe.example.com   | platform | infra
            ssh://git@ghe.example.com:7999/platform/infra.git           | ghe.example.com   | platform | infra
            https://gitlab.example.com/group/sub/project.git            | gitlab.example.com | group/sub | project
            '  https://github.com/octocat/Hello-World.git  '            | github.com        | octocat | Hello-World
            """)
    void readsHostOwnerAndNameFromEveryRemoteForm(String url, String host, String owner, String name) {
        assertThat(RemoteUrls.parse(url)).contains(new RemoteRepository(host, owner, name));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "/home/me/src/Hello-World",
            "/home/me/src/Hello-World.git",
            "./Hello-World",
            "../Hello-World.git",
            "~/src/Hello-World",
            "file:///home/me/src/Hello-World.git",
            "file://localhost/srv/git/x.git",
            "C:\\src\\Hello-World",
            "C:/src/Hello-World",
            "src/a:b",
            "https://github.com/octocat",
            "https://github.com",
            "ftp://example.com/o/n.git",
            "",
            "   "})
    void localPathsAndIncompleteUrlsPointAtNoHostedRepository(String url) {
        assertThat(RemoteUrls.parse(url)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://user:ghp_secret@github.com/octocat/Hello-World.git | https://github.com/octocat/Hello-World.git
            https://ghp_secret@github.com/octocat/Hello-World.git      | https://github.com/octocat/Hello-World.git
            http://x:p#a%ss@ghe.example.com:8443/o/n                   | http://ghe.example.com:8443/o/n
            ssh://git:secret@github.com/octocat/Hello-World.git        | ssh://git@github.com/octocat/Hello-World.git
            ssh://git@github.com/octocat/Hello-World.git               | ssh://git@github.com/octocat/Hello-World.git
            git@github.com:octocat/Hello-World.git                     | git@github.com:octocat/Hello-World.git
            git:secret@github.com:octocat/Hello-World.git              | git@github.com:octocat/Hello-World.git
            https://x-access-token:ghs_secret@ghe.example.com/o/n.git  | https://ghe.example.com/o/n.git
            src/a:b@c                                                  | src/a:b@c
            https://github.com/octocat/Hello-World                     | https://github.com/octocat/Hello-World
            https://user:secret@github.com                             | https://github.com
            /home/me/src/Hello-World                                   | /home/me/src/Hello-World
            """)
    void redactingRemovesCredentialsButKeepsTheSshLogin(String url, String shown) {
        assertThat(RemoteUrls.redact(url)).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource({
            "https://github.com/Octocat/Hello-World.git, github.com/octocat/hello-world",
            "git@GITHUB.com:octocat/hello-world, github.com/octocat/hello-world"})
    void keysIgnoreCaseLikeGitHubDoes(String url, String key) {
        assertThat(RemoteUrls.parse(url).orElseThrow().key()).isEqualTo(key);
    }
}
