package io.gitopsauditor.platform.core.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class HashingSlotsTest {
    @Test
    void aHashBeyondTheSlotsIsRefusedWith503AndRetryAfterWhenNoSlotFreesInTime() throws Exception {
        HashingSlots slots = new HashingSlots(2, Duration.ofMillis(200));
        CountDownLatch running = new CountDownLatch(2);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<String> first = threads.submit(() -> slots.run(() -> hold(running, finish)));
            Future<String> second = threads.submit(() -> slots.run(() -> hold(running, finish)));
            running.await();

            assertThatThrownBy(() -> slots.run(() -> "third")).isInstanceOfSatisfying(HashingSlots.ServerBusy.class, busy -> {
                assertThat(busy.getResponse().getStatus()).isEqualTo(503);
                assertThat(busy.getResponse().getHeaderString("Retry-After")).isNotBlank();
            });

            finish.countDown();
            assertThat(first.get()).isEqualTo("held");
            assertThat(second.get()).isEqualTo("held");
            assertThat(slots.run(() -> "after")).as("freed slots are used again").isEqualTo("after");
        } finally {
            threads.shutdownNow();
        }
    }

    private static String hold(CountDownLatch running, CountDownLatch finish) {
        running.countDown();
        try {
            finish.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "held";
    }
}
