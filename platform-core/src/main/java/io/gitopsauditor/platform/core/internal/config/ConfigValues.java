package io.gitopsauditor.platform.core.internal.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses configuration text into typed values, with errors that name the key and the source. */
public final class ConfigValues {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)");

    private ConfigValues() {
    }

    public static int integer(String key, ConfigValue value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value.value().strip());
            if (parsed < min || parsed > max) {
                throw invalid(key, value, "a whole number from " + min + " to " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw invalid(key, value, "a whole number from " + min + " to " + max);
        }
    }

    public static boolean bool(String key, ConfigValue value) {
        return switch (value.value().strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw invalid(key, value, "true or false");
        };
    }

    public static Duration duration(String key, ConfigValue value) {
        Matcher matcher = DURATION.matcher(value.value().strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw invalid(key, value, "a duration such as 500ms, 30s, 5m, 2h or 7d");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    public static List<String> list(ConfigValue value) {
        return Arrays.stream(value.value().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** An absolute http(s) URL with a host, else a ConfigException naming the key and an example. */
    public static java.net.URI httpUrl(String key, ConfigValue value, String example) {
        try {
            java.net.URI url = new java.net.URI(value.value().strip());
            if (("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null) {
                return url;
            }
        } catch (java.net.URISyntaxException e) {
            // Reported below, the same way as a URL of the wrong kind.
        }
        throw invalid(key, value, "an http(s) URL such as " + example);
    }

    public static ConfigException invalid(String key, ConfigValue value, String expected) {
        return new ConfigException(key + " must be " + expected + ", got '" + value.value() + "' (from " + value.source() + ")");
    }
}
