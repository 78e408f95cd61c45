package io.gitopsauditor.plugins.audit.internal.inventory;

import io.gitopsauditor.plugin.api.inventory.HostedRepository;
import io.gitopsauditor.plugin.api.inventory.LocalClone;
import io.gitopsauditor.plugin.api.inventory.SourceScan;
import io.gitopsauditor.plugins.audit.internal.github.RemoteUrls;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A source's scan with credentials taken out of every remote and clone URL, applied to each scan
 * as it enters the audit. The built-in sources already redact where they read (so the clone
 * inspector's reads are covered too); this also covers sources other plugins provide, whose
 * clones and hosted repositories end up in the same answers, exports, events and tables.
 */
public final class WithoutCredentials {

    private WithoutCredentials() {
    }

    /** @return the same scan, every URL {@linkplain RemoteUrls#redact redacted} */
    public static SourceScan of(SourceScan scan) {
        return new SourceScan(scan.clones().stream().map(WithoutCredentials::clone).toList(),
                scan.hosted().stream().map(WithoutCredentials::hosted).toList(), scan.warnings());
    }

    private static LocalClone clone(LocalClone clone) {
        Map<String, String> remotes = new LinkedHashMap<>();
        clone.remotes().forEach((name, url) -> remotes.put(name, RemoteUrls.redact(url)));
        return new LocalClone(clone.sourceId(), clone.path(), clone.kind(), remotes, clone.enclosing(), clone.problem());
    }

    private static HostedRepository hosted(HostedRepository hosted) {
        return new HostedRepository(hosted.sourceId(), hosted.host(), hosted.owner(), hosted.name(),
                RemoteUrls.redact(hosted.cloneUrl()), RemoteUrls.redact(hosted.sshUrl()), RemoteUrls.redact(hosted.webUrl()),
                hosted.defaultBranch(), hosted.fork(), hosted.archived(), hosted.privateRepo(), hosted.pushedAt(),
                hosted.description());
    }
}
