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

    @Test
    void aPluginMayRequireOthersByValidIdButNotItselfOrTwice() {
        assertThat(PluginDescriptor.builder("quality", "1").requiresApi("0.2").requires("audit", "github").build().requires())
                .containsExactly("audit", "github");
        assertThat(PluginDescriptor.builder("quality", "1").requiresApi("0.2").build().requires()).isEmpty();
        assertThatThrownBy(() -> PluginDescriptor.builder("quality", "1").requiresApi("0.2").requires("quality").build())
                .hasMessageContaining("cannot require itself");
        assertThatThrownBy(() -> PluginDescriptor.builder("quality", "1").requiresApi("0.2").requires("Audit").build())
                .hasMessageContaining("not a valid plugin id");
        assertThatThrownBy(() -> PluginDescriptor.builder("quality", "1").requiresApi("0.2").requires("audit", "audit").build())
                .hasMessageContaining("twice");
    }
}
