package org.anquan;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** The house rules every module keeps, read from the compiled classes. */
class ArchitectureTests {

    static final JavaClasses APP = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.anquan");

    /**
     * Every module is in feature packages. Below the root package a type is public only where another feature
     * package of the same module uses it (Java knows no visibility between package and everyone); Spring Modulith
     * keeps the other modules out of those. Platform and shared are open: each of their packages is an interface
     * every module uses.
     */
    @Test
    void belowAModulesRootATypeIsPublicOnlyWhereAnotherOfItsPackagesUsesIt() {
        classes().that().resideInAPackage("org.anquan.(*).(*)..")
                .and().resideOutsideOfPackages("org.anquan.platform..", "org.anquan.shared..")
                .and().areTopLevelClasses().and().arePublic()
                .should(beUsedFromAnotherPackageOfTheirModule())
                .because("another module reaches a module through its facade and events; a feature's internals are its own")
                .check(APP);
    }

    static ArchCondition<JavaClass> beUsedFromAnotherPackageOfTheirModule() {
        return new ArchCondition<>("be used from another package of their module") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                String module = moduleOf(type.getPackageName());
                boolean used = type.getDirectDependenciesToSelf().stream()
                        .map(d -> d.getOriginClass().getPackageName())
                        .anyMatch(p -> !p.equals(type.getPackageName()) && module.equals(moduleOf(p)));
                if (!used) {
                    events.add(SimpleConditionEvent.violated(type, type.getName() + " is public but used only inside its own package"));
                }
            }
        };
    }

    /** {@code org.anquan.traffic.wim} → {@code traffic}. */
    static String moduleOf(String packageName) {
        String[] parts = packageName.split("\\.");
        return parts.length > 2 ? parts[2] : "";
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
                .should().dependOnClassesThat().haveFullyQualifiedName("org.anquan.hazards.register.HazardService")
                .because("another module opens a hazard through Hazards.openFrom, which records where it came from")
                .check(APP);
    }
}
