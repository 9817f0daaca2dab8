package dev.ticketsync.desktop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The desktop's layers (STYLE.md, after JabRef): ui → sync / replica → model. No JavaFX below the UI, no SQL or HTTP
 * in the UI, and the desktop never reaches into the server's code.
 */
@AnalyzeClasses(packages = "dev.ticketsync.desktop", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule no_javafx_outside_the_ui = noClasses()
            .that()
            .resideInAnyPackage(
                    "dev.ticketsync.desktop.replica..",
                    "dev.ticketsync.desktop.sync..",
                    "dev.ticketsync.desktop.query..",
                    "dev.ticketsync.desktop.profile..",
                    "dev.ticketsync.desktop.headless..",
                    "dev.ticketsync.desktop.demo..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("javafx..");

    @ArchTest
    static final ArchRule no_sql_or_http_in_the_ui = noClasses()
            .that()
            .resideInAPackage("dev.ticketsync.desktop.ui..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "okhttp3..", "java.net.http..");

    @ArchTest
    static final ArchRule sql_only_in_the_replica = noClasses()
            .that()
            .resideOutsideOfPackages("dev.ticketsync.desktop.replica..", "dev.ticketsync.desktop")
            .and()
            .resideOutsideOfPackage("dev.ticketsync.desktop.headless..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("java.sql..");

    @ArchTest
    static final ArchRule never_the_servers_code =
            noClasses().should().dependOnClassesThat().resideInAPackage("dev.ticketsync.server..");
}
