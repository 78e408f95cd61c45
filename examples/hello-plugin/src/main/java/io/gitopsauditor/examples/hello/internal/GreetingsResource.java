package io.gitopsauditor.examples.hello.internal;

import io.gitopsauditor.plugin.api.PluginContext;
import io.gitopsauditor.plugin.api.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** {@code /api/hello/greetings}: list and create greetings; each new one is published on {@code hello.greetings}. */
@Path("greetings")
@Produces(MediaType.APPLICATION_JSON)
public final class GreetingsResource {
    static final String CHANNEL_TOPIC = "greetings";

    private final Greetings greetings;
    private final PluginContext context;

    GreetingsResource(Greetings greetings, PluginContext context) {
        this.greetings = greetings;
        this.context = context;
    }

    @GET
    public List<Greeting> list(@QueryParam("limit") @DefaultValue("20") int limit) {
        if (limit < 1 || limit > 500) {
            throw ProblemException.invalidInput("limit must be between 1 and 500, got " + limit);
        }
        return greetings.latest(limit);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewGreeting request) {
        if (request == null || request.name() == null || request.name().isBlank()) {
            throw ProblemException.invalidInput("name is required, e.g. {\"name\": \"world\"}");
        }
        String name = request.name().strip();
        if (name.length() > 100) {
            throw ProblemException.invalidInput("name must be at most 100 characters, got " + name.length());
        }
        Greeting greeting = greetings.add(name);
        context.events().publish(CHANNEL_TOPIC, greeting);
        return Response.status(Response.Status.CREATED).entity(greeting).build();
    }
}
