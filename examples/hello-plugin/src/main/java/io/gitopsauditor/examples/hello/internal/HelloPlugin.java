package io.gitopsauditor.examples.hello.internal;

import io.gitopsauditor.plugin.api.PluginContext;
import io.gitopsauditor.plugin.api.PluginDescriptor;
import io.gitopsauditor.plugin.api.spi.Plugin;

/** Registers the four kinds of contribution a plugin can make. */
public final class HelloPlugin implements Plugin {

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.builder("hello", "1.0.0")
                .name("Hello")
                .description("Example third-party plugin: greetings over REST, WebSocket and a UI page.")
                .requiresApi("0.1")
                .build();
    }

    @Override
    public void register(PluginContext context) {
        context.migrations().script("META-INF/migrations/hello/V1__create_greetings.sql");
        context.websocket().channel(GreetingsResource.CHANNEL_TOPIC);
        context.rest().resource(new GreetingsResource(new Greetings(context), context));
        context.ui().bundle("META-INF/ui/hello", "index.js");
    }
}
