package io.gitopsauditor.plugin.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version of this plugin API, {@code MAJOR.MINOR}. A plugin built for {@code 1.2} runs on a
 * kernel offering {@code 1.2} or {@code 1.5}, but not {@code 1.1} (missing additions) nor
 * {@code 2.0} (breaking changes).
 *
 * @param major incremented on a breaking change
 * @param minor incremented on a backwards-compatible addition
 * @since 0.1
 */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {

    /**
     * The API version this module implements. Plugins should <em>not</em> refer to this field in
     * their descriptor: it is read at run time and so always matches. Write the version you
     * compiled against as a literal, e.g. {@code requiresApi("0.1")}.
     *
     * <p>0.2 added {@link PluginContext#git()}: a plugin built for 0.1 still runs.
     */
    public static final ApiVersion CURRENT = new ApiVersion(0, 2);

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,4})\\.(\\d{1,4})");

    /**
     * @throws IllegalArgumentException when a part is negative
     */
    public ApiVersion {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("API version parts must not be negative: " + major + "." + minor);
        }
    }

    /**
     * Parses {@code "MAJOR.MINOR"}.
     *
     * @param text the version text, e.g. {@code "0.1"}
     * @return the version
     * @throws IllegalArgumentException when the text is not of that form
     */
    public static ApiVersion parse(String text) {
        Matcher matcher = FORMAT.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("API version must look like MAJOR.MINOR, e.g. 0.1; got '" + text + "'");
        }
        return new ApiVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    /**
     * Whether a kernel offering this version can run a plugin that requires {@code required}.
     *
     * @param required the version a plugin needs
     * @return true when the majors match and this minor is at least the required one
     */
    public boolean satisfies(ApiVersion required) {
        return major == required.major && minor >= required.minor;
    }

    @Override
    public int compareTo(ApiVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
