package io.gitopsauditor.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.gitopsauditor.plugins.fixture.OpensRepositoriesItself;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.lib.BaseRepositoryBuilder;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.util.FS;
import org.junit.jupiter.api.Test;

/**
 * Only the platform's git service ({@code PluginContext.git()}) opens repositories and reaches
 * remotes: it is what keeps a clone's config from running commands. Plugins may use every other
 * JGit type on the repositories it hands out.
 */
@AnalyzeClasses(packages = "io.gitopsauditor", importOptions = ImportOption.DoNotIncludeTests.class)
class GitAccessRulesTest {
    private static final String[] PLUGINS = {"io.gitopsauditor.plugins..", "io.gitopsauditor.examples.."};

    /** Git's static openers and its porcelain that talks to remotes (which would bypass the transport policy). */
    private static final Set<String> GIT_OPENERS_AND_TRANSPORTS = Set.of("open", "init", "cloneRepository",
            "lsRemoteRepository", "fetch", "push", "pull", "lsRemote", "submoduleUpdate", "submoduleAdd", "submoduleSync");

    private static DescribedPredicate<JavaCall<?>> calls(String description, Class<?> owner, Set<String> names) {
        return DescribedPredicate.describe(description, (JavaCall<?> call) -> call.getTargetOwner().isAssignableTo(owner)
                && (names.isEmpty() || names.contains(call.getName())));
    }

    private static DescribedPredicate<JavaAccess<?>> touches(Class<?> owner) {
        return DescribedPredicate.describe("anything of " + owner.getSimpleName(),
                (JavaAccess<?> access) -> access.getTargetOwner().isAssignableTo(owner));
    }

    @ArchTest
    static final ArchRule pluginsOpenRepositoriesOnlyThroughThePlatform = noClasses().that().resideInAnyPackage(PLUGINS)
            .should().callCodeUnitWhere(calls("Git.open/init/cloneRepository/lsRemoteRepository/fetch/push/pull/lsRemote/submodule*",
                    Git.class, GIT_OPENERS_AND_TRANSPORTS))
            .orShould().callCodeUnitWhere(calls("a repository builder (FileRepositoryBuilder, RepositoryBuilder)",
                    BaseRepositoryBuilder.class, Set.of()))
            .orShould().callCodeUnitWhere(calls("new FileRepository", FileRepository.class, Set.of("<init>")))
            .orShould().callCodeUnitWhere(calls("RepositoryCache.open", RepositoryCache.class, Set.of("open")))
            .orShould().callCodeUnitWhere(calls("Transport.open", Transport.class, Set.of("open")))
            .orShould().callCodeUnitWhere(calls("FS.runInShell/runProcess/execute", FS.class,
                    Set.of("runInShell", "runProcess", "execute", "runHookIfPresent")))
            .orShould().accessTargetWhere(touches(ProcessBuilder.class))
            .orShould().callCodeUnitWhere(calls("Runtime.exec", Runtime.class, Set.of("exec")))
            .as("plugins open, clone and fetch repositories only through PluginContext.git(), and start no process")
            .because("a clone's own config names commands (filters, hooks, upload-pack ...): only the platform's"
                    + " service opens repositories so that none of them runs");

    @Test
    void ruleCatchesAPluginThatOpensARepositoryOrStartsAProcessItself() {
        assertThatThrownBy(() -> pluginsOpenRepositoriesOnlyThroughThePlatform.check(
                new ClassFileImporter().importClasses(OpensRepositoriesItself.class)))
                .hasMessageContaining("Git.open").hasMessageContaining("FileRepositoryBuilder")
                .hasMessageContaining("ProcessBuilder");
    }
}
