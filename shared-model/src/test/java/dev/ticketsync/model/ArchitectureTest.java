package dev.ticketsync.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** shared-model is the common ground of server and desktop: pure Java and Jackson, no I/O stacks of either side. */
@AnalyzeClasses(packages = "dev.ticketsync.model", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule depends_only_on_the_jdk_and_jackson = classes()
            .that()
            .resideInAPackage("dev.ticketsync.model..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "com.fasterxml.jackson..", "dev.ticketsync.model..");

    @ArchTest
    static final ArchRule uses_no_jdbc_http_or_ui_of_the_jdk = noClasses()
            .that()
            .resideInAPackage("dev.ticketsync.model..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "javax.sql..", "java.net.http..", "java.awt..", "javax.swing..");

    @ArchTest
    static final ArchRule workflow_reads_no_clock = noClasses()
            .that()
            .resideInAPackage("dev.ticketsync.model.workflow..")
            .should()
            .callMethod(java.time.Instant.class, "now")
            .orShould()
            .callMethod(System.class, "currentTimeMillis")
            .because("apply must be deterministic: `now` is an input (DESIGN.md §3)");
}
