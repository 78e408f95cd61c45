package io.gitopsauditor.platform.core.testkit;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A repository for {@link FakeGitHub} to serve; everything else about it (URLs, ids, counts) is
 * taken from the recorded template {@code github/repository.json}.
 *
 * @param name        the repository name
 * @param privateRepo whether it is private (then only the owner's token, or an organisation listing with a token, sees it)
 * @param fork        whether it is a fork
 * @param archived    whether it is archived
 * @param pushedAt    the last push, or {@code null} for a repository never pushed to
 */
public record FakeRepository(String name, boolean privateRepo, boolean fork, boolean archived, Instant pushedAt) {

    /** When the generated repositories were last pushed: a fixed moment, so tests can assert on it. */
    public static final Instant PUSHED_AT = Instant.parse("2025-01-15T10:00:00Z");

    /**
     * @param name the repository name
     * @return a public, original, active repository pushed at {@link #PUSHED_AT}
     */
    public static FakeRepository named(String name) {
        return new FakeRepository(name, false, false, false, PUSHED_AT);
    }

    /**
     * @param count how many
     * @return public repositories {@code repo-0001}, {@code repo-0002}, …
     */
    public static List<FakeRepository> numbered(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> named("repo-%04d".formatted(i))).toList();
    }

    /** @return the same repository, private */
    public FakeRepository asPrivate() {
        return new FakeRepository(name, true, fork, archived, pushedAt);
    }

    /** @return the same repository, a fork */
    public FakeRepository asFork() {
        return new FakeRepository(name, privateRepo, true, archived, pushedAt);
    }

    /** @return the same repository, archived */
    public FakeRepository asArchived() {
        return new FakeRepository(name, privateRepo, fork, true, pushedAt);
    }
}
