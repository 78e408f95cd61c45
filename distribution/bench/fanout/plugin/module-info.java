/**
 * The fan-out benchmark's publisher (distribution/bench/fanout.sh): one channel, and one route that
 * publishes on it at a steady rate for a while. Compiled by the script against the distribution's lib/.
 */
module bench.fanout {
    requires io.gitopsauditor.plugin.api;

    provides io.gitopsauditor.plugin.api.spi.Plugin with bench.fanout.FanoutPlugin;

    // Jersey calls the resource's methods.
    opens bench.fanout to org.glassfish.jersey.core.server;
}
