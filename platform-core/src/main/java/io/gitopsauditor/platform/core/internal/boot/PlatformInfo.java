package io.gitopsauditor.platform.core.internal.boot;

import io.gitopsauditor.plugin.api.ApiVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What this build is: the platform version (stamped by Maven into {@code version.properties}),
 * the plugin API version it offers, and the Java runtime.
 */
public record PlatformInfo(String version, String pluginApi, String java) {

    public static PlatformInfo current() {
        Properties properties = new Properties();
        try (InputStream in = PlatformInfo.class.getResourceAsStream("/io/gitopsauditor/platform/core/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // an unreadable stamp is not worth failing a start over; "unknown" says enough
        }
        return new PlatformInfo(properties.getProperty("version", "unknown"), ApiVersion.CURRENT.toString(),
                Runtime.version().toString());
    }
}
