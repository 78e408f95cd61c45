import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The fan-out benchmark's client (run by fanout.sh with Java's source launcher): opens CLIENTS
 * WebSocket connections, subscribes each to fanout.tick, asks the server to publish RATE events a
 * second for SECONDS seconds, and reports the delivery latency (publish to receipt, both clocks
 * this machine's) over every delivery, the events lost and the connections the server closed.
 *
 * <p>Arguments: base URL, token, clients, rate, seconds. Only the JDK: frames are read with
 * indexOf, not a JSON library, so the client's own cost stays small next to the server's.
 */
public final class FanoutClient {
    /** Latency histogram: 100 µs buckets up to 60 s; beyond lands in the last. */
    private static final int BUCKET_US = 100;
    private static final AtomicLongArray HISTOGRAM = new AtomicLongArray(600_000);

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        String token = args[1];
        int clients = Integer.parseInt(args[2]);
        int rate = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        long expected = (long) rate * seconds;

        // A few HttpClients: each has one selector thread, which one client for 1,000 sockets would make the bottleneck.
        List<HttpClient> https = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            https.add(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
        }
        URI ws = URI.create(base.toString().replaceFirst("^http", "ws") + "/ws");
        CountDownLatch subscribed = new CountDownLatch(clients);
        List<Subscriber> subscribers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Subscriber subscriber = new Subscriber(subscribed);
            https.get(i % https.size()).newWebSocketBuilder().header("Authorization", "Bearer " + token)
                    .buildAsync(ws, subscriber).get(30, TimeUnit.SECONDS);
            subscribers.add(subscriber);
        }
        if (!subscribed.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(subscribed.getCount() + " of " + clients + " clients were not subscribed after 60 s");
        }
        System.out.printf("%d clients subscribed to fanout.tick; publishing %d events a second for %d s%n", clients, rate, seconds);

        HttpResponse<String> started = https.getFirst().send(HttpRequest.newBuilder(
                        URI.create(base + "/api/fanout/burst?rate=" + rate + "&seconds=" + seconds))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("POST /api/fanout/burst answered " + started.statusCode() + ": " + started.body());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + 15L);
        while (System.nanoTime() < deadline && subscribers.stream().anyMatch(s -> !s.done(expected))) {
            Thread.sleep(200);
        }

        long received = subscribers.stream().mapToLong(s -> s.received.get()).sum();
        long gaps = subscribers.stream().mapToLong(s -> s.gaps).sum();
        long closed = subscribers.stream().filter(s -> s.closedWith.get() != 0).count();
        long lost = expected * clients - received;
        System.out.printf("deliveries: %,d of %,d (%d clients x %d events)%n", received, expected * clients, clients, expected);
        System.out.printf("events lost: %,d (sequence gaps seen: %,d; connections closed by the server: %d%s)%n", lost, gaps, closed,
                closed == 0 ? "" : ", codes " + subscribers.stream().map(s -> s.closedWith.get()).filter(c -> c != 0).distinct().toList());
        System.out.printf("delivery latency: p50 %s, p90 %s, p99 %s, p99.9 %s, max %s%n", percentile(0.50), percentile(0.90),
                percentile(0.99), percentile(0.999), percentile(1.0));
        // No HttpClient.close(): it would wait for the open WebSockets to end (the idle timeout, 5 min).
        System.exit(0);
    }

    private static String percentile(double p) {
        long total = 0;
        for (int i = 0; i < HISTOGRAM.length(); i++) {
            total += HISTOGRAM.get(i);
        }
        long rank = Math.max(1, (long) Math.ceil(p * total));
        long seen = 0;
        for (int i = 0; i < HISTOGRAM.length(); i++) {
            seen += HISTOGRAM.get(i);
            if (seen >= rank) {
                return String.format("%.1f ms", (i + 1) * BUCKET_US / 1000.0);
            }
        }
        return "n/a";
    }

    /** One connection: counts events, notes gaps in their numbers, records each latency. */
    private static final class Subscriber implements WebSocket.Listener {
        private final CountDownLatch subscribed;
        private final AtomicInteger closedWith = new AtomicInteger();
        private final java.util.concurrent.atomic.AtomicLong received = new java.util.concurrent.atomic.AtomicLong();
        private final StringBuilder partial = new StringBuilder();
        private long lastN = -1;
        private long gaps;

        Subscriber(CountDownLatch subscribed) {
            this.subscribed = subscribed;
        }

        boolean done(long expected) {
            return received.get() >= expected || closedWith.get() != 0;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.sendText("{\"type\":\"subscribe\",\"channel\":\"fanout.tick\"}", true);
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            long nowUs = nowMicros();
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                if (frame.contains("\"type\":\"event\"")) {
                    long n = number(frame, "\"n\":");
                    long us = number(frame, "\"us\":");
                    if (n != lastN + 1) {
                        gaps++;
                    }
                    lastN = n;
                    received.incrementAndGet();
                    HISTOGRAM.incrementAndGet((int) Math.min(HISTOGRAM.length() - 1, Math.max(0, nowUs - us) / BUCKET_US));
                } else if (frame.contains("\"type\":\"subscribed\"")) {
                    subscribed.countDown();
                } else {
                    System.err.println("unexpected frame: " + frame);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closedWith.set(statusCode);
            System.err.println("closed by the server: " + statusCode + " " + reason);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closedWith.compareAndSet(0, -1);
            System.err.println("connection failed: " + error);
        }

        private static long number(String frame, String key) {
            int at = frame.indexOf(key) + key.length();
            long value = 0;
            for (int i = at; i < frame.length() && Character.isDigit(frame.charAt(i)); i++) {
                value = value * 10 + (frame.charAt(i) - '0');
            }
            return value;
        }

        private static long nowMicros() {
            Instant now = Instant.now();
            return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
        }
    }
}
