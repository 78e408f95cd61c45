package io.gitopsauditor.plugins.audit.internal.github;

import io.gitopsauditor.plugin.api.GitHubConnection;

import io.gitopsauditor.plugin.api.RateLimit;
import io.gitopsauditor.plugin.api.inventory.HostedRepository;
import io.gitopsauditor.plugin.api.inventory.SourceScan;
import io.gitopsauditor.platform.core.testkit.FakeGitHub;
import io.gitopsauditor.platform.core.testkit.FakeRepository;
import io.gitopsauditor.platform.core.testkit.TestGitHubConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GitHubAccountSourceTest {

    private FakeGitHub github;

    @BeforeEach
    void startFakeGitHub() throws Exception {
        github = FakeGitHub.start();
    }

    @AfterEach
    void stopFakeGitHub() {
        github.close();
    }

    @Test
    void everyRepositoryIsListedAcrossAllPages() throws Exception {
        github.withUser("alice", FakeRepository.numbered(250));

        SourceScan scan = source(TestGitHubConnection.anonymous(github.url()), "alice").scan();

        assertThat(scan.hosted()).hasSize(250).extracting(HostedRepository::name).doesNotHaveDuplicates()
                .contains("repo-0001", "repo-0100", "repo-0101", "repo-0250");
        assertThat(scan.warnings()).isEmpty();
        assertThat(github.requests()).filteredOn(request -> request.path().equals("/users/alice/repos"))
                .extracting(FakeGitHub.Request::query)
                .containsExactly("per_page=100", "per_page=100&page=2", "per_page=100&page=3");
    }

    @Test
    void oneBadEntryIsLeftOutWithAReadableReasonNamingItAndTheRestAreKept() throws Exception {
        github.withUser("alice", Stream.of("good", "javascript-page", "no-clone-url", "odd-clone-url", "file-clone-url",
                "../escape-clone", "..", "-leading", "with space").map(FakeRepository::named).toList());
        github.withField("alice", "javascript-page", "html_url", "javascript:alert(1)")
                .withField("alice", "no-clone-url", "clone_url", null)
                .withField("alice", "odd-clone-url", "clone_url", "ext::sh -c touch% /tmp/pwned")
                .withField("alice", "file-clone-url", "clone_url", "file:///srv/git/file-clone-url.git");

        SourceScan scan = source(TestGitHubConnection.anonymous(github.url()), "alice").scan();

        assertThat(scan.hosted()).extracting(HostedRepository::name).containsExactly("good");
        assertThat(scan.warnings()).hasSize(8).allSatisfy(warning -> assertThat(warning)
                .startsWith("GitHub listed 'alice/").endsWith("; left out")
                .doesNotContain("Exception", "java.", "org.kohsuke"));
        assertThat(scan.warnings()).anySatisfy(w -> assertThat(w).contains("'alice/javascript-page'").contains("html_url"))
                .anySatisfy(w -> assertThat(w).contains("'alice/no-clone-url'").contains("no clone_url"))
                .anySatisfy(w -> assertThat(w).contains("'alice/odd-clone-url'").contains("clone_url"))
                .anySatisfy(w -> assertThat(w).contains("'alice/file-clone-url'").contains("clone_url"))
                .anySatisfy(w -> assertThat(w).contains("'alice/../escape-clone'").contains("not a safe repository name"))
                .anySatisfy(w -> assertThat(w).contains("'alice/..'"))
                .anySatisfy(w -> assertThat(w).contains("'alice/-leading'"))
                .anySatisfy(w -> assertThat(w).contains("'alice/with space'"));
    }

    @Test
    void theTokenOwnersPrivateRepositoriesAreListedThroughUserRepos() throws Exception {
        github.withUser("alice", Stream.concat(FakeRepository.numbered(120).stream(),
                        Stream.of(FakeRepository.named("diary").asPrivate())).toList())
                .withToken("ghp_aliceToken000000000000000000000000", "alice");

        SourceScan scan = source(TestGitHubConnection.withToken(github.url(), "ghp_aliceToken000000000000000000000000"),
                "Alice").scan();

        assertThat(scan.hosted()).hasSize(121).filteredOn(HostedRepository::privateRepo)
                .extracting(HostedRepository::name).containsExactly("diary");
        assertThat(github.requests()).extracting(FakeGitHub.Request::path).contains("/user", "/user/repos")
                .doesNotContain("/users/alice/repos");
        assertThat(github.requests()).allMatch(FakeGitHub.Request::authorized);
    }

    @Test
    void withoutATokenOnlyPublicRepositoriesOfAUserAreSeen() throws Exception {
        SourceScan scan = source(TestGitHubConnection.anonymous(github.url()), FakeGitHub.USER).scan();

        assertThat(scan.hosted()).extracting(HostedRepository::name)
                .containsExactlyInAnyOrder("Hello-World", "Spoon-Knife", "linguist", "octocat.github.io", "git-consortium");
        assertThat(github.requests()).extracting(FakeGitHub.Request::path)
                .containsExactly("/users/octocat", "/users/octocat/repos");
        assertThat(github.requests()).noneMatch(FakeGitHub.Request::authorized);
    }

    @Test
    void anotherUsersRepositoriesAreListedWithATokenToo() throws Exception {
        github.withUser("bob", FakeRepository.numbered(3));

        SourceScan scan = source(TestGitHubConnection.withToken(github.url(), FakeGitHub.TOKEN), "bob").scan();

        assertThat(scan.hosted()).extracting(HostedRepository::owner).containsOnly("bob").hasSize(3);
        assertThat(github.requests()).extracting(FakeGitHub.Request::path)
                .containsExactly("/user", "/users/bob", "/users/bob/repos");
    }

    @Test
    void anOrganisationIsListedThroughItsOrganisationEndpoint() throws Exception {
        SourceScan anonymous = source(TestGitHubConnection.anonymous(github.url()), FakeGitHub.ORGANIZATION).scan();
        SourceScan member = source(TestGitHubConnection.withToken(github.url(), FakeGitHub.TOKEN), FakeGitHub.ORGANIZATION).scan();

        assertThat(anonymous.hosted()).extracting(HostedRepository::name)
                .containsExactlyInAnyOrder("docs", "linguist", "gitignore", "dmca");
        assertThat(member.hosted()).extracting(HostedRepository::name).contains("internal-tools").hasSize(5);
        assertThat(github.requests()).extracting(FakeGitHub.Request::path)
                .contains("/users/github", "/orgs/github", "/orgs/github/repos").doesNotContain("/users/github/repos");
    }

    @Test
    void aGeneratedOrganisationWithManyRepositoriesIsListedCompletely() throws Exception {
        github.withOrganization("acme", FakeRepository.numbered(201));

        SourceScan scan = source(TestGitHubConnection.anonymous(github.url()), "acme").scan();

        assertThat(scan.hosted()).hasSize(201).extracting(HostedRepository::cloneUrl)
                .contains("https://github.com/acme/repo-0201.git");
    }

    @Test
    void everyFieldGitHubReportsIsKept() throws Exception {
        SourceScan scan = source(TestGitHubConnection.withToken(github.url(), FakeGitHub.TOKEN), FakeGitHub.USER).scan();

        assertThat(byName(scan, "Hello-World")).isEqualTo(new HostedRepository("github:octocat", "github.com", "octocat",
                "Hello-World", "https://github.com/octocat/Hello-World.git", "git@github.com:octocat/Hello-World.git",
                "https://github.com/octocat/Hello-World", "main", false, false, false,
                Instant.parse("2011-01-26T19:06:43Z"), "This your first repo!"));
        assertThat(byName(scan, "linguist").fork()).isTrue();
        assertThat(byName(scan, "linguist").defaultBranch()).isEqualTo("master");
        assertThat(byName(scan, "octocat.github.io").archived()).isTrue();
        assertThat(byName(scan, "octocat.github.io").description()).isNull();
        assertThat(byName(scan, "git-consortium").pushedAt()).isNull();
        assertThat(byName(scan, "secret-plans").privateRepo()).isTrue();
    }

    @Test
    void forkAndArchivedFlagsOfGeneratedRepositoriesAreKept() throws Exception {
        github.withUser("carol", List.of(FakeRepository.named("upstream-fork").asFork(),
                FakeRepository.named("old").asArchived(), FakeRepository.named("plain")));

        SourceScan scan = source(TestGitHubConnection.anonymous(github.url()), "carol").scan();

        assertThat(byName(scan, "upstream-fork").fork()).isTrue();
        assertThat(byName(scan, "upstream-fork").archived()).isFalse();
        assertThat(byName(scan, "old").archived()).isTrue();
        assertThat(byName(scan, "plain")).matches(repository -> !repository.fork() && !repository.archived());
        assertThat(byName(scan, "plain").pushedAt()).isEqualTo(FakeRepository.PUSHED_AT);
    }

    @Test
    void theRateLimitSeenIsReportedToTheConnection() throws Exception {
        Instant reset = Instant.now().plusSeconds(1800).truncatedTo(ChronoUnit.SECONDS);
        github.rateLimit(60, 50, reset).withUser("alice", FakeRepository.numbered(150));
        GitHubConnection connection = TestGitHubConnection.anonymous(github.url());

        source(connection, "alice").scan();

        RateLimit observed = connection.rateLimit().orElseThrow();
        assertThat(observed.limit()).isEqualTo(60);
        assertThat(observed.remaining()).isEqualTo(47);
        assertThat(observed.resetAt()).isEqualTo(reset);
    }

    @Test
    void theSourceIsNamedAfterTheAccount() {
        GitHubAccountSource dotCom = source(TestGitHubConnection.anonymous(URI.create("https://api.github.com")), "Octocat");
        GitHubAccountSource enterprise = source(TestGitHubConnection.anonymous(URI.create("https://ghe.example.com/api/v3")), "platform");

        assertThat(dotCom.id()).isEqualTo("github:octocat");
        assertThat(dotCom.kind()).isEqualTo("github");
        assertThat(dotCom.label()).isEqualTo("GitHub Octocat");
        assertThat(enterprise.label()).isEqualTo("GitHub platform (ghe.example.com)");
    }

    @Test
    void anOwnerThatCannotBeALoginIsRefused() {
        GitHubConnection connection = TestGitHubConnection.anonymous(github.url());
        for (String owner : List.of("", "a/b", "../x", "a b", "-x")) {
            assertThatThrownBy(() -> new GitHubAccountSource(connection, owner)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static GitHubAccountSource source(GitHubConnection connection, String owner) {
        return new GitHubAccountSource(connection, owner);
    }

    private static HostedRepository byName(SourceScan scan, String name) {
        return scan.hosted().stream().filter(repository -> repository.name().equals(name)).findFirst().orElseThrow();
    }
}
