package io.gitopsauditor.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rules of the design: plugins depend on the plugin API and libraries only; the
 * kernel names no plugin; nobody outside the kernel touches its internals. Plugins are the
 * built-in ones ({@code io.gitopsauditor.plugins..}) and the examples ({@code io.gitopsauditor.examples..}).
 */
@AnalyzeClasses(packages = "io.gitopsauditor", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {
    private static final String[] PLUGINS = {"io.gitopsauditor.plugins..", "io.gitopsauditor.examples.."};

    @ArchTest
    static final ArchRule pluginsDoNotDependOnTheKernel = noClasses().that().resideInAnyPackage(PLUGINS)
            .should().dependOnClassesThat().resideInAPackage("io.gitopsauditor.platform..")
            .as("plugins depend only on the plugin API, never on platform-core");

    @ArchTest
    static final ArchRule pluginsDoNotDependOnEachOther = slices().matching("io.gitopsauditor.(plugins|examples).(*)..")
            .should().notDependOnEachOther()
            .as("a plugin never names another plugin; they meet through the plugin API's extension points and events");

    @ArchTest
    static final ArchRule kernelNamesNoPlugin = noClasses().that().resideInAPackage("io.gitopsauditor.platform..")
            .should().dependOnClassesThat().resideInAnyPackage(PLUGINS)
            .as("the kernel never names a plugin");

    @ArchTest
    static final ArchRule pluginApiStandsAlone = noClasses().that().resideInAPackage("io.gitopsauditor.plugin.api..")
            .should().dependOnClassesThat().resideInAnyPackage("io.gitopsauditor.platform..", "io.gitopsauditor.plugins..",
                    "io.gitopsauditor.examples..")
            .as("the plugin API depends on nothing of the project");

    @ArchTest
    static final ArchRule kernelInternalsStayInside = noClasses().that().resideOutsideOfPackage("io.gitopsauditor.platform.core..")
            .should().dependOnClassesThat().resideInAPackage("io.gitopsauditor.platform.core.internal..")
            .as("nothing outside the kernel touches its internal packages");

    @ArchTest
    static final ArchRule pluginImplementationsAreInternal = classes()
            .that().implement("io.gitopsauditor.plugin.api.spi.Plugin")
            .should().resideInAPackage("..internal..")
            .as("plugin classes live in unexported internal packages (plugins export nothing)");
}
