package io.gitopsauditor.platform.core.internal.config;

/**
 * One configured value and where it came from, so an error can say "GITOPS_AUDITOR_SERVER_PORT"
 * or "conf/gitops-auditor.yml" rather than just the key.
 */
public record ConfigValue(String value, String source) {
}
