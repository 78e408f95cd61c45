package io.gitopsauditor.platform.core.internal.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitopsauditor.plugin.api.Event;
import io.gitopsauditor.plugin.api.Scope;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventHubTest {
    final ObjectMapper json = new ObjectMapper();

    record Sink(List<String> frames) implements EventSink {
        Sink() {
            this(new CopyOnWriteArrayList<>());
        }

        @Override
        public void send(String frame) {
            frames.add(frame);
        }
    }

    @Test
    void aChannelKeepsTheScopeItWasDeclaredWithAndReadIsTheDefault() {
        try (EventHub hub = new EventHub(json, 10)) {
            hub.declare("a", "open");
            hub.declare("a", "secret", Scope.ADMIN);
            assertThat(hub.scopeOf("a.open")).contains(Scope.READ);
            assertThat(hub.scopeOf("a.secret")).contains(Scope.ADMIN);
            assertThat(hub.scopeOf("a.none")).isEmpty();
            assertThatThrownBy(() -> hub.declare("a", "secret", Scope.READ))
                    .hasMessage("a: channel 'a.secret' was declared with the admin scope, not read");
        }
    }

    @Test
    void eventsAreNumberedPerChannel() {
        try (EventHub hub = new EventHub(json, 10)) {
            hub.declare("a", "x");
            hub.declare("a", "y");
            assertThat(hub.publish("a", "x", Map.of()).sequence()).isEqualTo(1);
            assertThat(hub.publish("a", "x", Map.of()).sequence()).isEqualTo(2);
            assertThat(hub.publish("a", "y", Map.of()).sequence()).isEqualTo(1);
        }
    }

    @Test
    void pluginCannotPublishOnAnUndeclaredOrForeignChannel() {
        try (EventHub hub = new EventHub(json, 10)) {
            hub.declare("a", "x");
            assertThatThrownBy(() -> hub.publish("b", "x", Map.of())).hasMessageContaining("declare it first");
            assertThatThrownBy(() -> hub.declare("a", "Bad Topic")).hasMessageContaining("lower-case");
        }
    }

    @Test
    void resumingClientGetsWhatHistoryKeepsAndIsToldWhatItMissed() throws Exception {
        try (EventHub hub = new EventHub(json, 3)) {
            hub.declare("a", "x");
            for (int i = 0; i < 5; i++) {
                hub.publish("a", "x", Map.of("n", i));
            }
            Sink sink = new Sink();
            assertThat(hub.attach(sink, "a.x", 0, hub.epoch())).isTrue();
            assertThat(json.readTree(sink.frames().get(0)).path("seq").asLong()).isEqualTo(5);
            var missed = json.readTree(sink.frames().get(1));
            assertThat(missed.path("type").asText()).isEqualTo("missed");
            assertThat(missed.path("from").asLong()).isEqualTo(1);
            assertThat(missed.path("to").asLong()).isEqualTo(2);
            assertThat(sink.frames()).hasSize(5);
            assertThat(json.readTree(sink.frames().get(4)).path("seq").asLong()).isEqualTo(5);
        }
    }

    @Test
    void clientFromAnEarlierServerRunIsToldTheServerRestarted() throws Exception {
        try (EventHub hub = new EventHub(json, 3)) {
            hub.declare("a", "x");
            Sink sink = new Sink();
            hub.attach(sink, "a.x", 7, "an-older-epoch");
            assertThat(json.readTree(sink.frames().get(1)).path("reason").asText()).isEqualTo("restart");
        }
    }

    @Test
    void clientWithoutEpochAheadOfThisRunIsToldTheServerRestarted() throws Exception {
        try (EventHub hub = new EventHub(json, 3)) {
            hub.declare("a", "x");
            hub.publish("a", "x", Map.of());
            Sink sink = new Sink();
            hub.attach(sink, "a.x", 40, null);
            assertThat(json.readTree(sink.frames().get(1)).path("reason").asText()).isEqualTo("restart");
        }
    }

    @Test
    void eventsCarryTheirPayloadAsJsonForListenersInOtherPlugins() {
        try (EventHub hub = new EventHub(json, 3)) {
            hub.declare("a", "x");
            assertThat(hub.publish("a", "x", Map.of("repo", "r1")).payloadJson()).isEqualTo("{\"repo\":\"r1\"}");
        }
    }

    @Test
    void inProcessListenersReceiveEventsAndStopWhenClosed() throws Exception {
        try (EventHub hub = new EventHub(json, 3)) {
            hub.declare("a", "x");
            CountDownLatch received = new CountDownLatch(2);
            List<Event> events = new CopyOnWriteArrayList<>();
            var subscription = hub.listen("b", "a.x", event -> {
                events.add(event);
                received.countDown();
            });
            hub.publish("a", "x", Map.of());
            hub.publish("a", "x", Map.of());
            assertThat(received.await(5, TimeUnit.SECONDS)).isTrue();
            subscription.close();
            hub.publish("a", "x", Map.of());
            Thread.sleep(100);
            assertThat(events).extracting(Event::sequence).containsExactly(1L, 2L);
        }
    }

    @Test
    void payloadJacksonCannotWriteIsRefusedWithoutUsingASequenceNumber() {
        try (EventHub hub = new EventHub(json, 3)) {
            hub.declare("a", "x");
            assertThatThrownBy(() -> hub.publish("a", "x", new Object())).isInstanceOf(IllegalArgumentException.class);
            assertThat(hub.publish("a", "x", Map.of()).sequence()).isEqualTo(1);
        }
    }
}
