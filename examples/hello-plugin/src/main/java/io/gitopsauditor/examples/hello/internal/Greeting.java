package io.gitopsauditor.examples.hello.internal;

import java.time.Instant;

/**
 * One stored greeting.
 *
 * @param id        its number
 * @param name      who was greeted
 * @param message   the greeting
 * @param createdAt when
 */
public record Greeting(long id, String name, String message, Instant createdAt) {
}
