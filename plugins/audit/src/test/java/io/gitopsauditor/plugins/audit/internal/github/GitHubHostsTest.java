package io.gitopsauditor.plugins.audit.internal.github;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class GitHubHostsTest {

    @ParameterizedTest
    @CsvSource({
            "https://api.github.com, github.com",
            "https://api.github.com/, github.com",
            "https://API.GitHub.com, github.com",
            "https://api.acme.ghe.com, acme.ghe.com",
            "https://ghe.example.com/api/v3, ghe.example.com",
            "https://ghe.example.com:8443/api/v3/, ghe.example.com"})
    void knownApiAddressesNameTheirCloneHost(String apiUrl, String host) {
        assertThat(GitHubHosts.fromApiUrl(URI.create(apiUrl))).contains(host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:51234", "https://proxy.example.com/github", "https://ghe.example.com/api"})
    void otherAddressesNameNone(String apiUrl) {
        assertThat(GitHubHosts.fromApiUrl(URI.create(apiUrl))).isEmpty();
    }

    @Test
    void withoutAKnownApiTheRepositoryUrlsDecide() {
        assertThat(GitHubHosts.cloneHost(Optional.empty(), "https://github.com/o/n.git", null)).contains("github.com");
        assertThat(GitHubHosts.cloneHost(Optional.empty(), null, "https://GHE.example.com/o/n")).contains("ghe.example.com");
        assertThat(GitHubHosts.cloneHost(Optional.of("github.com"), "https://elsewhere/o/n.git", null)).contains("github.com");
        assertThat(GitHubHosts.cloneHost(Optional.empty(), null, null)).isEmpty();
    }
}
