package io.gitopsauditor.platform.core.settings;

import static io.gitopsauditor.platform.core.testkit.PluginJarBuilder.simplePlugin;

import java.io.IOException;
import java.nio.file.Path;

/** A plugin made for these tests: it declares one setting of each type and shows what it was told. */
final class TunedPlugin {
    private TunedPlugin() {
    }

    static void buildInto(Path plugins) throws IOException {
        simplePlugin("test.tuned", "tuned", "0.2", """
                static final java.util.List<String> SEEN = new java.util.concurrent.CopyOnWriteArrayList<>();
                static volatile PluginContext context;
                public void register(PluginContext c) {
                    c.settings().declare(
                        io.gitopsauditor.plugin.api.settings.Setting.text("greeting").title("Greeting").defaultValue("Hello").build(),
                        io.gitopsauditor.plugin.api.settings.Setting.number("size").title("Size").min(1).max(10).defaultValue(3).build(),
                        io.gitopsauditor.plugin.api.settings.Setting.list("roots").ofFolders().title("Folders").build(),
                        io.gitopsauditor.plugin.api.settings.Setting.choice("mode", "fast", "thorough").defaultValue("fast").build(),
                        io.gitopsauditor.plugin.api.settings.Setting.bool("loud").build(),
                        io.gitopsauditor.plugin.api.settings.Setting.secret("api-key").title("API key").build());
                    c.rest().resource(new Seen());
                }
                public void start(PluginContext c) {
                    context = c;
                    c.settings().onChange(change -> SEEN.add(Thread.currentThread().getName() + " "
                            + new java.util.TreeSet<>(change.changed()) + " greeting " + change.before().string("greeting", "?")
                            + " -> " + change.after().string("greeting", "?") + " size " + change.after().integer("size", 0)
                            + " roots " + change.after().list("roots")));
                }
                @jakarta.ws.rs.Path("seen")
                public static final class Seen {
                    @jakarta.ws.rs.GET public String seen() { return String.join("\\n", SEEN); }
                    @jakarta.ws.rs.GET @jakarta.ws.rs.Path("now") public String now() {
                        var values = context.settings().values();
                        return values.string("greeting", "?") + " " + values.integer("size", 0) + " " + values.source("greeting")
                                + " " + values.string("undeclared", "none");
                    }
                    @jakarta.ws.rs.GET @jakarta.ws.rs.Path("secret/{name}") public String secret(@jakarta.ws.rs.PathParam("name") String name) {
                        try {
                            return context.secrets().get(name).map(v -> "length " + v.length()).orElse("not set");
                        } catch (io.gitopsauditor.plugin.api.settings.SecretAccessException e) {
                            return "refused: " + e.getMessage();
                        } catch (io.gitopsauditor.plugin.api.settings.SecretUnreadableException e) {
                            return "unreadable: " + e.getMessage();
                        }
                    }
                }
                """).buildInto(plugins, "tuned.jar");
    }
}
