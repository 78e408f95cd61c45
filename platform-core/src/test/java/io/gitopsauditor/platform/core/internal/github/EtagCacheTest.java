package io.gitopsauditor.platform.core.internal.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EtagCacheTest {

    private static EtagCache.Answer answer(String etag, int size) {
        return new EtagCache.Answer(etag, Map.of("ETag", List.of(etag)), new byte[size]);
    }

    @Test
    void theLeastRecentlyUsedAnswerGoesWhenTheCacheIsFull() {
        EtagCache cache = new EtagCache(2);
        cache.put("a", answer("\"1\"", 10));
        cache.put("b", answer("\"2\"", 10));
        cache.get("a");

        cache.put("c", answer("\"3\"", 10));

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get("a")).isPresent();
        assertThat(cache.get("b")).isEmpty();
        assertThat(cache.get("c")).isPresent();
    }

    @Test
    void noEntriesMeansNothingIsKept() {
        EtagCache cache = new EtagCache(0);

        cache.put("a", answer("\"1\"", 10));

        assertThat(cache.get("a")).isEmpty();
    }

    @Test
    void aBodyTooLargeToKeepIsNotKept() {
        EtagCache cache = new EtagCache(10);

        cache.put("big", answer("\"1\"", EtagCache.MAX_BODY_BYTES + 1));

        assertThat(cache.get("big")).isEmpty();
    }
}
