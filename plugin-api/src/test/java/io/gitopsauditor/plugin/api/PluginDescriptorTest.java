package io.gitopsauditor.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PluginDescriptorTest {
    @Test
    void idsAreLowerCaseWithDashesAndNotReserved() {
        assertThat(PluginDescriptor.builder("github-actions", "1").requiresApi("0.1").build().tablePrefix())
                .isEqualTo("github_actions_");
        assertThatThrownBy(() -> PluginDescriptor.builder("Audit", "1").requiresApi("0.1").build())
                .hasMessageContaining("lower-case");
        assertThatThrownBy(() -> PluginDescriptor.builder("platform", "1").requiresApi("0.1").build())
                .hasMessageContaining("reserved");
    }

    @Test
    void descriptorMustSayWhichApiItNeeds() {
        assertThatThrownBy(() -> PluginDescriptor.builder("audit", "1").build()).hasMessageContaining("requires");
        assertThatThrownBy(() -> PluginDescriptor.builder("audit", "1").requiresApi("one")).hasMessageContaining("MAJOR.MINOR");
    }

    @Test
    void apiVersionIsSatisfiedBySameMajorAndEqualOrNewerMinor() {
        assertThat(ApiVersion.parse("1.5").satisfies(ApiVersion.parse("1.2"))).isTrue();
        assertThat(ApiVersion.parse("1.1").satisfies(ApiVersion.parse("1.2"))).isFalse();
        assertThat(ApiVersion.parse("2.0").satisfies(ApiVersion.parse("1.0"))).isFalse();
    }

    @Test
    void problemStatusMustBeAnError() {
        assertThat(ProblemException.notFound("x").status()).isEqualTo(404);
        assertThatThrownBy(() -> new ProblemException(200, "OK", "no")).isInstanceOf(IllegalArgumentException.class);
    }
}
