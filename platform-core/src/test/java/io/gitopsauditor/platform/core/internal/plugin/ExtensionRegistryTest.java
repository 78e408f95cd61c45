package io.gitopsauditor.platform.core.internal.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitopsauditor.plugin.api.PluginDescriptor;
import io.gitopsauditor.plugin.api.PluginState;
import io.gitopsauditor.plugin.api.inventory.RepositorySource;
import io.gitopsauditor.plugin.api.inventory.SourceScan;
import io.gitopsauditor.plugin.api.spi.Plugin;
import org.junit.jupiter.api.Test;

class ExtensionRegistryTest {
    private final ExtensionRegistry registry = new ExtensionRegistry();

    @Test
    void listsProvidersInOrderAndForgetsFailedOnes() {
        PluginHandle first = registered("first");
        PluginHandle second = registered("second");
        RepositorySource a = source("a");
        RepositorySource b = source("b");
        registry.provide(first, RepositorySource.class, a);
        registry.provide(second, RepositorySource.class, b);

        assertThat(registry.all(RepositorySource.class)).containsExactly(a, b);

        first.fail("broke in start");
        assertThat(registry.all(RepositorySource.class)).containsExactly(b);
    }

    @Test
    void refusesTypesOutsideThePluginApi() {
        PluginHandle plugin = registered("plugin");
        assertThatThrownBy(() -> registry.provide(plugin, Runnable.class, (Runnable) () -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an extension point");
    }

    private static PluginHandle registered(String id) {
        PluginDescriptor descriptor = PluginDescriptor.builder(id, "1.0").requiresApi("0.1").build();
        Plugin plugin = () -> descriptor;
        PluginHandle handle = PluginHandle.discovered(plugin, descriptor, PluginOrigin.builtIn("test." + id));
        handle.state(PluginState.REGISTERED);
        return handle;
    }

    private static RepositorySource source(String id) {
        return new RepositorySource() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String kind() {
                return "test";
            }

            @Override
            public SourceScan scan() {
                return new SourceScan(null, null, null);
            }
        };
    }
}
