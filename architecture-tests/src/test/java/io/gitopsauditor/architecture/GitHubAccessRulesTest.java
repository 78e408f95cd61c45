package io.gitopsauditor.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.gitopsauditor.plugins.fixture.BuildsItsOwnGitHubClient;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.connector.GitHubConnector;

/**
 * Only the platform builds a GitHub client ({@code PluginContext.github()}): one client is what
 * gives every plugin the deadlines, the fail-fast limits, the ETag cache and one rate-limit account.
 */
@AnalyzeClasses(packages = "io.gitopsauditor", importOptions = ImportOption.DoNotIncludeTests.class)
class GitHubAccessRulesTest {
    private static final String[] PLUGINS = {"io.gitopsauditor.plugins..", "io.gitopsauditor.examples.."};

    private static final Set<String> GITHUB_CONNECTS = Set.of("connect", "connectAnonymously", "connectUsingOAuth",
            "connectUsingPassword", "connectToEnterprise", "connectToEnterpriseAnonymously", "connectToEnterpriseWithOAuth",
            "offline");

    private static DescribedPredicate<JavaCall<?>> calls(String description, Class<?> owner, Set<String> names) {
        return DescribedPredicate.describe(description, (JavaCall<?> call) -> call.getTargetOwner().isAssignableTo(owner)
                && (names.isEmpty() || names.contains(call.getName())));
    }

    @ArchTest
    static final ArchRule pluginsReachGitHubOnlyThroughThePlatform = noClasses().that().resideInAnyPackage(PLUGINS)
            .should().callCodeUnitWhere(calls("GitHubBuilder", GitHubBuilder.class, Set.of()))
            .orShould().callCodeUnitWhere(calls("GitHub.connect*/offline", GitHub.class, GITHUB_CONNECTS))
            .orShould().beAssignableTo(GitHubConnector.class)
            .as("plugins reach GitHub only through PluginContext.github()")
            .because("one client built by the platform carries the deadlines, the fail-fast rate limits, the ETag"
                    + " cache and the rate-limit account every plugin shares");

    @Test
    void ruleCatchesAPluginThatBuildsItsOwnClientOrTransport() {
        String report = String.join("\n", pluginsReachGitHubOnlyThroughThePlatform.evaluate(new ClassFileImporter()
                .importClasses(BuildsItsOwnGitHubClient.class, BuildsItsOwnGitHubClient.OwnConnector.class))
                .getFailureReport().getDetails());

        assertThat(report).contains("GitHubBuilder", "connectAnonymously", BuildsItsOwnGitHubClient.OwnConnector.class.getName());
    }
}
