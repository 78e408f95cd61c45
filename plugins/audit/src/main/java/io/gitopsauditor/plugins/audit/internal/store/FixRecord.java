package io.gitopsauditor.plugins.audit.internal.store;

import java.time.Instant;
import java.util.List;

/**
 * A fix as it was recorded.
 *
 * @param id       its number
 * @param at       when it ran
 * @param repoId   the repository's id
 * @param repoKey  the repository's key
 * @param fix      {@code clone}, {@code fetch} or {@code set-remote}
 * @param dryRun   whether it only checked and previewed
 * @param commands the equivalent git commands
 * @param outcome  {@code previewed}, {@code done} or {@code failed}
 * @param message  what happened, in words
 */
public record FixRecord(long id, Instant at, String repoId, String repoKey, String fix, boolean dryRun, List<String> commands,
                        String outcome, String message) {
}
