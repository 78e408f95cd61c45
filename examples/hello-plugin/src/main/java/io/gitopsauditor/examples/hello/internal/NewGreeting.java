package io.gitopsauditor.examples.hello.internal;

/**
 * The body of {@code POST /api/hello/greetings}.
 *
 * @param name who to greet: 1 to 100 characters
 */
public record NewGreeting(String name) {
}
