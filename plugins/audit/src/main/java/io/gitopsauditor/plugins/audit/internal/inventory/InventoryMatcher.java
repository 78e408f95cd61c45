package io.gitopsauditor.plugins.audit.internal.inventory;

import io.gitopsauditor.plugin.api.inventory.CloneKind;
import io.gitopsauditor.plugin.api.inventory.HostedRepository;
import io.gitopsauditor.plugin.api.inventory.InventoryEntry;
import io.gitopsauditor.plugin.api.inventory.InventorySnapshot;
import io.gitopsauditor.plugin.api.inventory.LocalClone;
import io.gitopsauditor.plugin.api.inventory.SourceStatus;
import io.gitopsauditor.plugins.audit.internal.github.RemoteRepository;
import io.gitopsauditor.plugins.audit.internal.github.RemoteUrls;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pairs local clones with hosted repositories. A clone matches the hosted repository its primary
 * remote points at; failing that, the one whose name its folder has (then its remote is wrong, or
 * it has none: it stays {@link HostedLink#NO_REMOTE}). An unreadable clone is paired the same way,
 * so a repository whose folder is there but cannot be read is not also called missing.
 * When any hosted source could not be listed, an unmatched clone with a hosted-looking remote is
 * {@link HostedLink#UNKNOWN}, never "local only": an outage must not look like drift.
 */
public final class InventoryMatcher {

    /** The matched inventory: the snapshot other plugins read, and the subjects the audit judges. */
    public record Matched(InventorySnapshot snapshot, List<Subject> subjects) {
    }

    /** The links of a clone paired with a hosted repository, which its remotes alone decide between. */
    private static final Set<HostedLink> RELINKABLE = EnumSet.of(HostedLink.MATCHED_BY_REMOTE, HostedLink.MATCHED_BY_NAME,
            HostedLink.NO_REMOTE);

    private InventoryMatcher() {
    }

    public static Matched match(List<SourceOutcome> outcomes, Instant at) {
        Map<String, HostedRepository> hostedByKey = new LinkedHashMap<>();
        Map<String, String> hostedSource = new HashMap<>();
        Set<String> listedOwners = new HashSet<>();
        List<LocalClone> clones = new ArrayList<>();
        boolean someHostedSourceDown = false;
        for (SourceOutcome outcome : outcomes) {
            if (!outcome.available()) {
                someHostedSourceDown |= !"local".equals(outcome.status().kind());
                continue;
            }
            for (HostedRepository hosted : outcome.scan().hosted()) {
                String key = keyOf(hosted);
                hostedByKey.putIfAbsent(key, hosted);
                hostedSource.putIfAbsent(key, hosted.sourceId());
                listedOwners.add(lower(hosted.host() + "/" + hosted.owner()));
            }
            clones.addAll(outcome.scan().clones());
        }
        clones.sort(Comparator.comparing((LocalClone c) -> priority(c.kind())).thenComparing(c -> c.path().toString()));
        // Two roots may reach one folder (one through a symbolic link, reported under its real path): audit it once.
        Set<Path> seen = new HashSet<>();
        clones.removeIf(clone -> !seen.add(clone.path()));

        Set<String> claimed = new HashSet<>();
        List<Subject> subjects = new ArrayList<>();
        List<LocalClone> unmatched = new ArrayList<>();
        for (LocalClone clone : clones) {
            if (clone.kind() == CloneKind.NOT_A_REPOSITORY) {
                subjects.add(localOnly(clone, HostedLink.NOT_APPLICABLE, null));
                continue;
            }
            Optional<RemoteRepository> remote = Optional.ofNullable(clone.primaryRemoteUrl()).flatMap(RemoteUrls::parse);
            HostedRepository hosted = remote.map(r -> hostedByKey.get(r.key())).orElse(null);
            if (hosted != null) {
                HostedLink link = clone.kind() == CloneKind.UNREADABLE ? HostedLink.NOT_APPLICABLE : HostedLink.MATCHED_BY_REMOTE;
                subjects.add(paired(clone, hosted, link, remote.get().key(), claimed.add(keyOf(hosted))));
            } else {
                unmatched.add(clone);
            }
        }
        Map<String, List<HostedRepository>> unclaimedByName = new HashMap<>();
        hostedByKey.forEach((key, hosted) -> {
            if (!claimed.contains(key)) {
                unclaimedByName.computeIfAbsent(lower(hosted.name()), n -> new ArrayList<>()).add(hosted);
            }
        });
        for (LocalClone clone : unmatched) {
            String remoteKey = Optional.ofNullable(clone.primaryRemoteUrl()).flatMap(RemoteUrls::parse)
                    .map(RemoteRepository::key).orElse(null);
            List<HostedRepository> sameName = unclaimedByName.getOrDefault(lower(folderName(clone)), List.of());
            boolean namesOne = sameName.size() == 1 && claimed.add(keyOf(sameName.getFirst()));
            if (clone.kind() == CloneKind.UNREADABLE) {
                // The folder is there, only unreadable: claiming its namesake keeps that from also being "missing" (and cloned onto it).
                subjects.add(namesOne ? paired(clone, sameName.getFirst(), HostedLink.NOT_APPLICABLE, remoteKey, true)
                        : localOnly(clone, HostedLink.NOT_APPLICABLE, null));
            } else if (clone.remotes().isEmpty()) {
                // No remote to mismatch: it stays NO_REMOTE, paired with its namesake so that one is not "missing" too.
                subjects.add(namesOne ? paired(clone, sameName.getFirst(), HostedLink.NO_REMOTE, null, true)
                        : localOnly(clone, HostedLink.NO_REMOTE, null));
            } else if (namesOne) {
                subjects.add(paired(clone, sameName.getFirst(), HostedLink.MATCHED_BY_NAME, remoteKey, true));
            } else if (remoteKey != null && listedOwners.contains(remoteKey.substring(0, remoteKey.lastIndexOf('/')))) {
                subjects.add(localOnly(clone, HostedLink.UPSTREAM_GONE, remoteKey));
            } else if (remoteKey != null && someHostedSourceDown) {
                subjects.add(localOnly(clone, HostedLink.UNKNOWN, remoteKey));
            } else {
                subjects.add(localOnly(clone, HostedLink.ELSEWHERE, remoteKey));
            }
        }
        hostedByKey.forEach((key, hosted) -> {
            if (!claimed.contains(key)) {
                subjects.add(new Subject(new InventoryEntry(key, hosted.name(), null, hosted), HostedLink.NOT_CLONED, null,
                        List.of(hostedSource.get(key))));
            }
        });
        subjects.sort(Comparator.comparing(s -> s.entry().key()));
        List<SourceStatus> statuses = outcomes.stream().map(SourceOutcome::status).toList();
        InventorySnapshot snapshot = new InventorySnapshot(at, subjects.stream().map(Subject::entry).toList(), statuses);
        return new Matched(snapshot, List.copyOf(subjects));
    }

    /**
     * A paired subject as its clone's remotes are now. Re-reading a clone (the watcher, a
     * {@code changed} run, a fix) reuses the last full run's matching; after {@code git remote
     * set-url}, by hand or by the set-remote fix, a clone matched by its folder name may point at its
     * repository now, or at yet another place. The pairing and the key stay; the link and the remote
     * it names follow the remotes just read. A clone whose new remote fits neither its repository nor
     * its folder name keeps its subject until the next full run matches it afresh.
     *
     * @param remotes the clone's remotes as just read
     * @return the subject with its link and remote brought up to date, or {@code subject} when nothing changes
     */
    public static Subject relink(Subject subject, Map<String, String> remotes) {
        InventoryEntry entry = subject.entry();
        HostedRepository hosted = entry.hosted();
        LocalClone before = entry.local();
        if (hosted == null || before == null || remotes.equals(before.remotes()) || !RELINKABLE.contains(subject.link())) {
            return subject;
        }
        LocalClone now = new LocalClone(before.sourceId(), before.path(), before.kind(), remotes, before.enclosing(), before.problem());
        String remoteKey = Optional.ofNullable(now.primaryRemoteUrl()).flatMap(RemoteUrls::parse).map(RemoteRepository::key).orElse(null);
        HostedLink link;
        if (remotes.isEmpty()) {
            link = HostedLink.NO_REMOTE;
        } else if (keyOf(hosted).equals(remoteKey)) {
            link = HostedLink.MATCHED_BY_REMOTE;
        } else if (lower(folderName(now)).equals(lower(hosted.name()))) {
            link = HostedLink.MATCHED_BY_NAME;
        } else {
            return subject;
        }
        return new Subject(new InventoryEntry(entry.key(), entry.name(), now, hosted), link, remoteKey, subject.sourceIds());
    }

    /** The inventory key of a hosted repository: {@code host/owner/name}, lower case. */
    public static String keyOf(HostedRepository hosted) {
        return lower(hosted.host() + "/" + hosted.owner() + "/" + hosted.name());
    }

    private static Subject paired(LocalClone clone, HostedRepository hosted, HostedLink link, String remoteKey, boolean first) {
        // A second clone of the same repository keeps its own key, so both are audited.
        String key = first ? keyOf(hosted) : "local:" + clone.path();
        return new Subject(new InventoryEntry(key, hosted.name(), clone, hosted), link, remoteKey,
                List.of(clone.sourceId(), hosted.sourceId()));
    }

    private static Subject localOnly(LocalClone clone, HostedLink link, String remoteKey) {
        return new Subject(new InventoryEntry("local:" + clone.path(), folderName(clone), clone, null), link, remoteKey,
                List.of(clone.sourceId()));
    }

    private static String folderName(LocalClone clone) {
        String name = clone.path().getFileName() == null ? clone.path().toString() : clone.path().getFileName().toString();
        return clone.kind() == CloneKind.BARE ? name.replaceFirst("\\.git$", "") : name;
    }

    private static int priority(CloneKind kind) {
        return switch (kind) {
            case WORKING_TREE, BARE -> 0;
            case SUBMODULE -> 1;
            case LINKED_WORKTREE -> 2;
            default -> 3;
        };
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
