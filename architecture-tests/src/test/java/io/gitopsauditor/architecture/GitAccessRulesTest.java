package io.gitopsauditor.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.api.CloneCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.InitCommand;
import org.eclipse.jgit.api.LsRemoteCommand;
import org.eclipse.jgit.api.SubmoduleAddCommand;
import org.eclipse.jgit.api.SubmoduleInitCommand;
import org.eclipse.jgit.api.SubmoduleSyncCommand;
import org.eclipse.jgit.api.SubmoduleUpdateCommand;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.lib.BaseRepositoryBuilder;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.submodule.SubmoduleWalk;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.TransportProtocol;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;
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
            "lsRemoteRepository", "fetch", "push", "pull", "lsRemote", "submoduleUpdate", "submoduleAdd", "submoduleSync",
            "submoduleInit");

    /** The commands behind that porcelain, made directly with their public constructors. */
    private static final List<Class<?>> OPENING_COMMANDS = List.of(CloneCommand.class, InitCommand.class,
            LsRemoteCommand.class, SubmoduleUpdateCommand.class, SubmoduleAddCommand.class, SubmoduleSyncCommand.class,
            SubmoduleInitCommand.class);

    private static DescribedPredicate<JavaCall<?>> calls(String description, Class<?> owner, Set<String> names) {
        return DescribedPredicate.describe(description, (JavaCall<?> call) -> call.getTargetOwner().isAssignableTo(owner)
                && (names.isEmpty() || names.contains(call.getName())));
    }

    private static DescribedPredicate<JavaCall<?>> constructs(List<Class<?>> owners) {
        return DescribedPredicate.describe("new " + owners.stream().map(Class::getSimpleName).toList(),
                (JavaCall<?> call) -> call.getName().equals("<init>")
                        && owners.stream().anyMatch(owner -> call.getTargetOwner().isEquivalentTo(owner)));
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
            .orShould().callCodeUnitWhere(constructs(OPENING_COMMANDS))
            .orShould().callCodeUnitWhere(calls("RepositoryCache.FileKey.lenient/exact/open", RepositoryCache.FileKey.class,
                    Set.of("lenient", "exact", "open")))
            // Both open the submodule on FS.DETECTED: a status on it would run the submodule's clean filter.
            .orShould().callCodeUnitWhere(calls("SubmoduleWalk.getSubmoduleRepository/getRepository", SubmoduleWalk.class,
                    Set.of("getSubmoduleRepository", "getRepository")))
            .orShould().callCodeUnitWhere(calls("Transport.open", Transport.class, Set.of("open")))
            .orShould().callCodeUnitWhere(calls("TransportProtocol.open", TransportProtocol.class, Set.of("open")))
            // Would undo the service's hiding of the process environment (GIT_CONFIG_*, GIT_SSH ...).
            .orShould().callCodeUnitWhere(calls("SystemReader.setInstance", SystemReader.class, Set.of("setInstance")))
            .orShould().callCodeUnitWhere(calls("FS.runInShell/runProcess/execute", FS.class,
                    Set.of("runInShell", "runProcess", "execute", "runHookIfPresent")))
            .orShould().accessTargetWhere(touches(ProcessBuilder.class))
            // A file system of its own could start the processes the service's ProcessFreeFs refuses.
            .orShould().beAssignableTo(FS.class)
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

    @Test
    void ruleReportsEveryWayOfTheFixtureToOpenAReachOrRunItself() {
        String report = String.join("\n", pluginsOpenRepositoriesOnlyThroughThePlatform.evaluate(
                new ClassFileImporter().importClasses(OpensRepositoriesItself.class, OpensRepositoriesItself.OwnFileSystem.class))
                .getFailureReport().getDetails());
        List<String> unreported = Arrays.stream(OpensRepositoriesItself.class.getDeclaredMethods())
                .filter(method -> !method.isSynthetic())
                .map(method -> "<" + OpensRepositoriesItself.class.getName() + "." + method.getName() + "(")
                .filter(method -> !report.contains(method))
                .toList();
        assertThat(unreported).as("fixture methods the rule lets through").isEmpty();
        assertThat(report).contains(OpensRepositoriesItself.OwnFileSystem.class.getName());
    }
}
