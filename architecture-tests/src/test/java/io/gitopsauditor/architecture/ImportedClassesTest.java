package io.gitopsauditor.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Guards the other rules against passing vacuously: every module's classes are in the import. */
class ImportedClassesTest {
    @Test
    void rulesSeeThePluginApiTheKernelAndThePlugins() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.gitopsauditor");
        for (String name : new String[] {
                "io.gitopsauditor.plugin.api.spi.Plugin",
                "io.gitopsauditor.platform.core.internal.plugin.PluginManager",
                "io.gitopsauditor.examples.hello.internal.HelloPlugin",
                "io.gitopsauditor.plugins.audit.internal.AuditPlugin"}) {
            assertTrue(classes.contain(name), name + " was not imported");
        }
    }
}
