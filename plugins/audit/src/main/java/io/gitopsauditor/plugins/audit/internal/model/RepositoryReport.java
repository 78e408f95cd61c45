package io.gitopsauditor.plugins.audit.internal.model;

import io.gitopsauditor.plugin.api.inventory.HostedRepository;
import java.util.Comparator;
import java.util.List;

/**
 * Everything the audit says about one repository in one run.
 *
 * @param id         a short stable id for URLs, derived from the key
 * @param key        the inventory key ({@code github.com/owner/name} or {@code local:/path})
 * @param name       a display name
 * @param state      one word for its condition
 * @param severity   the worst finding's severity, or {@code null} with no findings
 * @param risk       the data-loss risk
 * @param findings   what was found, worst first
 * @param local      what the local clone looked like, or {@code null} when not cloned
 * @param hosted     the hosted repository, or {@code null} when not known there
 * @param sourceIds  the sources the repository came from
 */
public record RepositoryReport(String id, String key, String name, RepoState state, Severity severity, Risk risk,
                               List<Finding> findings, CloneStatus local, HostedRepository hosted, List<String> sourceIds) {

    public RepositoryReport {
        findings = findings.stream().sorted(Comparator.comparing(Finding::severity).reversed()).toList();
        sourceIds = List.copyOf(sourceIds);
    }
}
