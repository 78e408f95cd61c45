package io.gitopsauditor.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.USE_JAVA_UTIL_LOGGING;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** House rules for all main code. */
@AnalyzeClasses(packages = "io.gitopsauditor", importOptions = ImportOption.DoNotIncludeTests.class)
class CodingRulesTest {
    @ArchTest
    static final ArchRule noStandardStreams = NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
            .because("output goes through the logger, or picocli's writers in the CLI");

    @ArchTest
    static final ArchRule noGenericExceptions = NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS
            .because("exceptions are named for what went wrong");

    /**
     * Two classes may hold java.util.logging types: they do not log, they quiet a dependency that does
     * (github-api logs its retries through java.util.logging): the kernel's turns them into DEBUG lines of
     * its own logger, and the audit's CLI drops them, since {@code audit -q} promises a silent stderr.
     */
    @ArchTest
    static final ArchRule noJavaUtilLogging = noClasses()
            .that().doNotHaveFullyQualifiedName("io.gitopsauditor.plugins.audit.internal.cli.GitHubClientLog")
            .and().doNotHaveFullyQualifiedName("io.gitopsauditor.platform.core.internal.github.GitHubClientLog")
            .should(USE_JAVA_UTIL_LOGGING)
            .because("the kernel logs through SLF4J and plugins through System.Logger");

    @ArchTest
    static final ArchRule noPrintedStackTraces = noClasses().should().callMethod(Throwable.class, "printStackTrace")
            .because("stack traces belong in the log, never on a console or in a response");
}
