package io.gitopsauditor.platform.core.internal.git;

import java.util.Locale;
import java.util.Set;

/**
 * The git config keys whose value is a command to run (or widens what may run): a repository's
 * config is written by whoever can write the clone, so {@link CommandFreeConfig} reads these as
 * unset. Names are compared in lower case, as git compares them.
 */
final class CommandKeys {

    /**
     * Sections whose every key is refused: credential helpers, pagers, aliases, signing programs,
     * safe.directory (only the service user's own config may set it, as in git), and http: a clone's
     * {@code http.sslVerify=false} would switch off TLS checks on a fetch that carries GitHub's token,
     * {@code http.cookieFile} with {@code saveCookies} would make the service write a file the clone
     * names, {@code http.extraHeader} would add headers, with or without a URL subsection.
     */
    private static final Set<String> WHOLE_SECTIONS = Set.of("credential", "pager", "alias", "gpg", "safe", "http");

    /** section.name for keys without a subsection that name a command. */
    private static final Set<String> PLAIN_KEYS = Set.of(
            "core.fsmonitor", "core.hookspath", "core.sshcommand", "core.askpass", "core.editor", "core.pager",
            "core.gitproxy", "core.alternaterefscommand", "sequence.editor", "diff.external", "commit.gpgsign",
            "tag.gpgsign", "push.gpgsign", "uploadpack.packobjectshook", "protocol.allow");

    /** Names that name a command whatever their subsection: filter, remote, diff and merge drivers, tools. */
    private static final Set<String> SUBSECTION_NAMES = Set.of(
            "clean", "smudge", "process", "required", "uploadpack", "receivepack", "command", "driver", "cmd",
            "textconv", "vcs", "update");

    private CommandKeys() {
    }

    /**
     * @param section    e.g. {@code filter}
     * @param subsection e.g. {@code pwn}, or {@code null}
     * @param name       e.g. {@code clean}
     * @return whether the key is read as unset
     */
    static boolean refused(String section, String subsection, String name) {
        if (section == null || name == null) {
            return false;
        }
        String s = section.toLowerCase(Locale.ROOT);
        String n = name.toLowerCase(Locale.ROOT);
        if (WHOLE_SECTIONS.contains(s)) {
            return true;
        }
        if (subsection == null) {
            return PLAIN_KEYS.contains(s + "." + n);
        }
        return switch (s) {
            // submodule.<name>.update may be "!command"; filter/remote/diff/merge/difftool/mergetool drivers name commands.
            case "filter", "remote", "diff", "merge", "difftool", "mergetool", "submodule" -> SUBSECTION_NAMES.contains(n);
            // protocol.<name>.allow in a clone must not widen anything (the platform's RemotePolicy decides alone).
            case "protocol" -> n.equals("allow");
            default -> false;
        };
    }
}
