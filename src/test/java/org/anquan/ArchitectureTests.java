package org.anquan;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** The house rules every module keeps, read from the compiled classes. */
class ArchitectureTests {

    static final JavaClasses APP = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.anquan");

    /**
     * Modules whose inside is closed: only the root package, the module's face to the others, holds public
     * types; everything below it is package-private to its feature package. A module joins the list as it
     * is reshaped into feature packages.
     */
    static final List<String> CLOSED_MODULES = List.of("alerts", "duty", "emergency", "statistics");

    @Test
    void aClosedModuleShowsPublicTypesInItsRootPackageOnly() {
        classes().that().resideInAnyPackage(CLOSED_MODULES.stream().map(m -> "org.anquan." + m + ".(*)..").toArray(String[]::new))
                .and().areTopLevelClasses()
                .should().notBePublic()
                .because("another module reaches a module through its facade and events; its internals are its own")
                .check(APP);
    }

    @Test
    void controllersArePackagePrivate() {
        classes().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
                .should().notBePublic()
                .because("a controller is reached through its routes, never called from another package")
                .check(APP);
    }

    @Test
    void controllersHoldNoSql() {
        noClasses().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..", "javax.sql..")
                .because("queries live behind the module's services and query classes; a controller binds, calls and renders")
                .check(APP);
    }

    @Test
    void modulesHandHazardsOverThroughTheOneHandOff() {
        noClasses().that().resideOutsideOfPackage("org.anquan.hazards..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.anquan.hazards.domain.HazardService")
                .because("another module opens a hazard through Hazards.openFrom, which records where it came from")
                .check(APP);
    }
}
