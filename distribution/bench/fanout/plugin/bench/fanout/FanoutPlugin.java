package bench.fanout;

import io.gitopsauditor.plugin.api.PluginContext;
import io.gitopsauditor.plugin.api.PluginDescriptor;
import io.gitopsauditor.plugin.api.ProblemException;
import io.gitopsauditor.plugin.api.spi.Plugin;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Publishes {@code {"n": i, "us": <epoch microseconds at publish>}} on {@code fanout.tick}. */
public final class FanoutPlugin implements Plugin {
    private volatile PluginContext context;

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.builder("fanout", "1.0.0").name("Fan-out benchmark")
                .description("Publishes events at a steady rate for the WebSocket fan-out benchmark.").requiresApi("0.2").build();
    }

    @Override
    public void register(PluginContext context) {
        this.context = context;
        context.websocket().channel("tick");
        context.rest().resource(new Burst());
    }

    @Path("burst")
    public final class Burst {
        /** Starts publishing {@code rate} events a second for {@code seconds} seconds; answers at once. */
        @POST
        public Response start(@QueryParam("rate") int rate, @QueryParam("seconds") int seconds) {
            if (rate < 1 || rate > 100_000 || seconds < 1 || seconds > 3600) {
                throw ProblemException.invalidInput("rate must be 1 to 100000 and seconds 1 to 3600");
            }
            Thread.ofPlatform().name("fanout-publisher").start(() -> publish(rate, (long) rate * seconds));
            return Response.accepted().build();
        }
    }

    /** On a fixed schedule, not a fixed pause: a late event does not push the later ones back. */
    private void publish(int rate, long count) {
        long start = System.nanoTime();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        for (long i = 0; i < count; i++) {
            long wait = start + i * interval - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Instant now = Instant.now();
            context.events().publish("tick", Map.of("n", i, "us", now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000));
        }
    }
}
