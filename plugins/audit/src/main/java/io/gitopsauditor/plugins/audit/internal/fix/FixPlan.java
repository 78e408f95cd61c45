package io.gitopsauditor.plugins.audit.internal.fix;

import java.util.List;

/**
 * A fix, previewed: exactly what would run, and whether it can.
 *
 * @param fix         {@code clone}, {@code fetch}, {@code set-remote} or {@code set-remote-head}
 * @param title       what it does, in words
 * @param commands    the equivalent git commands (credentials never shown)
 * @param possible    whether its preconditions hold now
 * @param blocker     why it cannot run, when not possible
 */
public record FixPlan(String fix, String title, List<String> commands, boolean possible, String blocker) {
}
