package io.gitopsauditor.platform.core.internal.github;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last answer to each {@code GET} that carried an {@code ETag}, so that the next identical
 * request can ask {@code If-None-Match} and a {@code 304 Not Modified} can be answered from here.
 * GitHub does not count a 304 against the rate limit, so a plugin polling the same list costs
 * nothing while it does not change.
 *
 * <p>Bounded: at most {@code maxEntries} answers, the least recently used dropped first, and no
 * body over {@link #MAX_BODY_BYTES} (a big answer would crowd out many small ones). One cache
 * belongs to one client, so one token: answers seen with one token are never served to another.
 */
final class EtagCache {
    /** Larger bodies are not kept: 100 repositories of GitHub's JSON are about 600 KB. */
    static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

    /**
     * One remembered answer.
     *
     * @param etag    the validator GitHub sent
     * @param headers the answer's headers
     * @param body    the answer's body, as received
     */
    record Answer(String etag, Map<String, List<String>> headers, byte[] body) {
    }

    private final int maxEntries;
    private final Map<String, Answer> entries;

    /**
     * @param maxEntries how many answers to keep; 0 keeps none
     */
    EtagCache(int maxEntries) {
        this.maxEntries = maxEntries;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
                return size() > EtagCache.this.maxEntries;
            }
        };
    }

    synchronized Optional<Answer> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    synchronized void put(String key, Answer entry) {
        if (maxEntries > 0 && entry.body().length <= MAX_BODY_BYTES) {
            entries.put(key, entry);
        }
    }

    synchronized int size() {
        return entries.size();
    }
}
