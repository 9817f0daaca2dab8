package dev.ticketsync.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The server's layers (STYLE.md): SQL only in the store and the write path, HTTP only in http, no UI at all. */
@AnalyzeClasses(packages = "dev.ticketsync.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule sql_stays_in_the_persistence_packages = noClasses()
            .that()
            .resideOutsideOfPackages(
                    "dev.ticketsync.server.store..",
                    "dev.ticketsync.server.command..",
                    "dev.ticketsync.server.audit..",
                    "dev.ticketsync.server.demo..",
                    "dev.ticketsync.server.sync..",
                    "dev.ticketsync.server.http..",
                    "dev.ticketsync.server")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("java.sql..");

    @ArchTest
    static final ArchRule the_framework_stays_in_http = noClasses()
            .that()
            .resideInAnyPackage(
                    "dev.ticketsync.server.store..", "dev.ticketsync.server.command..", "dev.ticketsync.server.audit..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.javalin..", "org.eclipse.jetty..");

    @ArchTest
    static final ArchRule the_store_knows_nothing_of_http_or_the_write_path = noClasses()
            .that()
            .resideInAPackage("dev.ticketsync.server.store..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.ticketsync.server.http..", "dev.ticketsync.server.sync..");

    @ArchTest
    static final ArchRule no_ui = noClasses().should().dependOnClassesThat().resideInAPackage("javafx..");
}
