package io.gitopsauditor.platform.core.internal.plugin;

import io.gitopsauditor.platform.core.internal.config.ConfigSource;
import io.gitopsauditor.platform.core.internal.db.PrivateFiles;
import io.gitopsauditor.platform.core.internal.config.PluginConfigView;
import io.gitopsauditor.platform.core.internal.db.Migration;
import io.gitopsauditor.platform.core.internal.events.EventHub;
import io.gitopsauditor.plugin.api.Event;
import io.gitopsauditor.plugin.api.EventBus;
import io.gitopsauditor.plugin.api.Extensions;
import io.gitopsauditor.plugin.api.GitHubConnection;
import io.gitopsauditor.plugin.api.MigrationRegistrar;
import io.gitopsauditor.plugin.api.PluginConfig;
import io.gitopsauditor.plugin.api.PluginContext;
import io.gitopsauditor.plugin.api.PluginDescriptor;
import io.gitopsauditor.plugin.api.PluginException;
import io.gitopsauditor.plugin.api.PluginStateException;
import io.gitopsauditor.plugin.api.RestRegistrar;
import io.gitopsauditor.plugin.api.UiRegistrar;
import io.gitopsauditor.plugin.api.WebSocketRegistrar;
import io.gitopsauditor.plugin.api.git.GitRepositories;
import io.gitopsauditor.plugin.api.settings.Secrets;
import io.gitopsauditor.plugin.api.settings.Settings;
import io.gitopsauditor.platform.core.internal.settings.PluginSecrets;
import io.gitopsauditor.platform.core.internal.settings.PluginSettings;
import io.gitopsauditor.platform.core.internal.settings.SettingsService;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jooq.DSLContext;

/**
 * The context one plugin is given. Registrars write into the plugin's {@link Contributions} while
 * registration is open; the database appears once the plugin's migrations ran.
 */
final class DefaultPluginContext implements PluginContext {
    private final PluginDescriptor descriptor;
    private final Module module;
    private final Contributions contributions;
    private final PluginConfig config;
    private final EventHub hub;
    private final java.nio.file.Path dataDirectory;
    private final Supplier<DSLContext> database;
    private final PluginHandle handle;
    private final ExtensionRegistry extensions;
    private final GitHubConnection github;
    private final GitRepositories git;
    private final Settings settings;
    private final Secrets secrets;
    private final List<EventBus.Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private volatile boolean registrationOpen = true;
    private volatile boolean databaseReady;
    private volatile boolean released;
    private volatile PluginScheduler scheduler;
    /** Open once the HTTP port is: the scheduler's tasks wait for it (see {@link PluginScheduler}). */
    private final CountDownLatch portOpen = new CountDownLatch(1);

    DefaultPluginContext(PluginHandle handle, ConfigSource config, EventHub hub, java.nio.file.Path platformDataDir,
                         Supplier<DSLContext> database, ExtensionRegistry extensions, GitHubConnection github,
                         GitRepositories git, SettingsService settingsService) {
        this.handle = handle;
        this.descriptor = handle.descriptor().orElseThrow();
        this.module = handle.plugin().getClass().getModule();
        this.contributions = handle.contributions();
        this.extensions = extensions;
        this.github = github;
        this.git = git;
        this.config = new PluginConfigView(config, this.descriptor.id());
        this.hub = hub;
        this.dataDirectory = platformDataDir.resolve(PrivateFiles.PLUGIN_DATA).resolve(this.descriptor.id());
        this.database = database;
        this.settings = new PluginSettings(settingsService, descriptor.id(), descriptor.name(), () -> registrationOpen,
                () -> databaseReady, subscriptions::add);
        this.secrets = new PluginSecrets(settingsService, descriptor.id(), () -> databaseReady);
    }

    void closeRegistration() {
        registrationOpen = false;
    }

    void openDatabase() {
        databaseReady = true;
    }

    /** Lets the plugin's scheduled tasks run: the boot is over. */
    void portOpened() {
        portOpen.countDown();
    }

    /** Cancels the plugin's tasks and listeners: after stop, or when it failed. */
    void release() {
        released = true;
        subscriptions.forEach(EventBus.Subscription::close);
        subscriptions.clear();
        PluginScheduler current = scheduler;
        if (current != null) {
            current.shutdownNow();
        }
    }

    private void requireRegistration(String what) {
        if (!registrationOpen) {
            throw new PluginStateException(descriptor.id() + ": " + what + " can only be declared in register()");
        }
    }

    @Override
    public PluginDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public PluginConfig config() {
        return config;
    }

    @Override
    public RestRegistrar rest() {
        return new RestRegistrar() {
            @Override
            public void resource(Object resource) {
                requireRegistration("REST resources");
                if (resource == null || resource instanceof Class<?>) {
                    throw new IllegalArgumentException(descriptor.id() + ": pass a resource instance here, or use resource(Class)");
                }
                requirePath(resource.getClass());
                requireOpenTo(resource.getClass(), JERSEY);
                contributions.addRestResource(resource);
            }

            @Override
            public void resource(Class<?> resourceClass) {
                requireRegistration("REST resources");
                requirePath(resourceClass);
                requireOpenTo(resourceClass, JERSEY, HK2);
                contributions.addRestResource(resourceClass);
            }
        };
    }

    private static final String JERSEY = "org.glassfish.jersey.core.server";
    private static final String HK2 = "org.glassfish.hk2.locator";

    /**
     * Jersey calls resource methods reflectively, and HK2 creates class-registered resources: a
     * package not open to them would only fail at request time, with a 500. Refuse it now, saying
     * exactly what to add to module-info.java.
     */
    private void requireOpenTo(Class<?> type, String... readers) {
        String pkg = type.getPackageName();
        for (String reader : readers) {
            ModuleLayer.boot().findModule(reader).ifPresent(module -> {
                if (!type.getModule().isOpen(pkg, module)) {
                    throw new IllegalArgumentException(descriptor.id() + ": REST resource " + type.getSimpleName()
                            + " is in package " + pkg + ", which module-info.java must open to Jersey: 'opens " + pkg + " to "
                            + String.join(", ", readers) + ";'");
                }
            });
        }
    }

    private void requirePath(Class<?> type) {
        if (type == null || !type.isAnnotationPresent(Path.class)) {
            throw new IllegalArgumentException(descriptor.id() + ": REST resource "
                    + (type == null ? "null" : type.getName()) + " has no @Path annotation");
        }
    }

    @Override
    public WebSocketRegistrar websocket() {
        return topic -> {
            requireRegistration("WebSocket channels");
            String name = hub.declare(descriptor.id(), topic);
            contributions.addChannel(name);
            return name;
        };
    }

    @Override
    public MigrationRegistrar migrations() {
        return new MigrationRegistrar() {
            @Override
            public void sql(int version, String description, String sql) {
                requireRegistration("migrations");
                contributions.addMigration(Migration.of(version, description, sql));
            }

            @Override
            public void script(String resourcePath) {
                requireRegistration("migrations");
                String fileName = resourcePath.substring(resourcePath.lastIndexOf('/') + 1);
                contributions.addMigration(Migration.fromScript(fileName, readResource(resourcePath)));
            }
        };
    }

    private String readResource(String path) {
        try (InputStream in = module.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException(descriptor.id() + ": resource '" + path + "' is not in module "
                        + module.getName() + " (keep resources under META-INF/: other folders that could be Java packages are encapsulated)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PluginException(descriptor.id() + ": cannot read resource '" + path + "': " + e.getMessage(), e);
        }
    }

    @Override
    public UiRegistrar ui() {
        return (folder, entry) -> {
            requireRegistration("the UI bundle");
            String base = folder.replaceAll("^/+|/+$", "");
            String entryPath = entry.replaceAll("^/+", "");
            if (base.isEmpty() || entryPath.isEmpty() || (base + "/" + entryPath).contains("..")) {
                throw new IllegalArgumentException(descriptor.id() + ": UI bundle folder and entry must be non-empty relative paths");
            }
            readResource(base + "/" + entryPath);
            contributions.uiBundle(new Contributions.UiBundle(base, entryPath, module.getClassLoader()));
        };
    }

    @Override
    public DSLContext database() {
        if (!databaseReady) {
            throw new PluginStateException(descriptor.id()
                    + ": the database is available from start() on, after the plugin's migrations ran");
        }
        return database.get();
    }

    @Override
    public EventBus events() {
        return new EventBus() {
            @Override
            public Event publish(String topic, Object payload) {
                return hub.publish(descriptor.id(), topic, payload);
            }

            @Override
            public Subscription subscribe(String channel, Consumer<Event> listener) {
                if (registrationOpen) {
                    throw new PluginStateException(descriptor.id() + ": subscribe in start(): other plugins' channels"
                            + " are only all declared once every plugin has registered");
                }
                Subscription subscription = hub.listen(descriptor.id(), channel, listener);
                subscriptions.add(subscription);
                return subscription;
            }
        };
    }

    @Override
    public ScheduledExecutorService scheduler() {
        PluginScheduler current = scheduler;
        if (current == null) {
            synchronized (this) {
                if (released) {
                    throw new PluginStateException(descriptor.id() + ": the plugin has stopped or failed; its scheduler is closed");
                }
                if (scheduler == null) {
                    scheduler = new PluginScheduler(descriptor.id(), portOpen);
                }
                current = scheduler;
            }
        }
        return current;
    }

    @Override
    public System.Logger logger() {
        return System.getLogger("gitops.plugin." + descriptor.id());
    }

    @Override
    public java.nio.file.Path dataDirectory() {
        try {
            return PrivateFiles.folder(dataDirectory);
        } catch (IOException e) {
            throw new PluginException(descriptor.id() + ": cannot create data folder " + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Extensions extensions() {
        return new Extensions() {
            @Override
            public <T> void provide(Class<T> type, T implementation) {
                requireRegistration("extensions");
                extensions.provide(handle, type, implementation);
            }

            @Override
            public <T> List<T> all(Class<T> type) {
                return extensions.all(type);
            }
        };
    }

    @Override
    public GitHubConnection github() {
        return github;
    }

    @Override
    public GitRepositories git() {
        return git;
    }

    @Override
    public Settings settings() {
        return settings;
    }

    @Override
    public Secrets secrets() {
        return secrets;
    }
}
