package io.gitopsauditor.plugins.audit.internal.export;

import io.gitopsauditor.plugins.audit.internal.model.RepositoryReport;
import io.gitopsauditor.plugins.audit.internal.model.RunSummary;
import java.util.List;

/**
 * A run as exported in JSON; its schema is {@code META-INF/schemas/audit-run-v1.schema.json},
 * described in docs/audit.md.
 *
 * @param schema       the schema id, {@value #SCHEMA}
 * @param run          the run's summary
 * @param repositories every repository's report
 */
public record RunExport(String schema, RunSummary run, List<RepositoryReport> repositories) {
    public static final String SCHEMA = "https://gitops-auditor.io/schemas/audit-run-v1.json";

    public static RunExport of(RunSummary run, List<RepositoryReport> repositories) {
        return new RunExport(SCHEMA, run, repositories);
    }
}
