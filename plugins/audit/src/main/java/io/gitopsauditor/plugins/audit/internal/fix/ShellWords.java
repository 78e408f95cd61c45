package io.gitopsauditor.plugins.audit.internal.fix;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a previewed git command so that pasting it into a POSIX shell runs exactly that command.
 * Every value (path, URL, remote, branch) is single-quoted, a {@code '} inside one written as
 * {@code '\''}; nothing in single quotes is special to the shell ({@code $(...)}, backticks,
 * spaces, newlines). Git's own words ({@code git}, {@code clone}, {@code --all}) stay bare. A
 * value git could take for an option ({@code --upload-pack=...}) is kept from being one by a
 * {@code --} before the positional arguments, which the callers put where git accepts it.
 */
final class ShellWords {

    private ShellWords() {
    }

    /**
     * @param path   the repository, given to {@code git -C} (an option's argument: never read as an option)
     * @param fixed  git's own words, as they are (constants of the caller, such as {@code remote set-url -- origin})
     * @param values the values from outside, each quoted
     * @return {@code git -C '<path>' <fixed> '<value>'...}
     */
    static String git(Path path, List<String> fixed, String... values) {
        List<String> words = new ArrayList<>(List.of("git", "-C", quote(path.toString())));
        words.addAll(fixed);
        return join(words, values);
    }

    /**
     * @param fixed  the command and its own words, e.g. {@code git clone --}
     * @param values the values from outside, each quoted
     * @return e.g. {@code git clone -- 'https://…' '/srv/src/app'}
     */
    static String command(List<String> fixed, String... values) {
        return join(new ArrayList<>(fixed), values);
    }

    private static String join(List<String> words, String... values) {
        for (String value : values) {
            words.add(quote(value));
        }
        return String.join(" ", words);
    }

    /** POSIX single quotes; a {@code '} ends the quote, is escaped, and the quote starts again. */
    static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
