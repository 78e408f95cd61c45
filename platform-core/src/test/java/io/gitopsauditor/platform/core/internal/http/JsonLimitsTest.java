package io.gitopsauditor.platform.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import org.junit.jupiter.api.Test;

class JsonLimitsTest {
    @Test
    void deepNestingStopsAtTheLimitInsteadOfOverflowingTheStack() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThatThrownBy(() -> Json.mapper().readTree(deep)).isInstanceOf(StreamConstraintsException.class);
        assertThat(ProblemMappers.JsonBody.describe(new StreamConstraintsException("x"))).contains("too deeply nested");
    }

    @Test
    void nestingWithinTheLimitParses() throws Exception {
        String ok = "[".repeat(Json.MAX_NESTING - 1) + "]".repeat(Json.MAX_NESTING - 1);
        assertThat(Json.mapper().readTree(ok)).isNotNull();
    }
}
