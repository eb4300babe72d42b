package org.anquan.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class PlatformArchitectureTests {

    static final JavaClasses PLATFORM = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.anquan.platform");

    @Test
    void theAuditTrailIsToldTheActorAndNeverAsksTheSecurityPackage() {
        noClasses().that().resideInAPackage("org.anquan.platform.audit..")
                .should().dependOnClassesThat().resideInAPackage("org.anquan.platform.security..")
                .because("security audits logins through the trail: the other direction would close a loop")
                .check(PLATFORM);
    }
}
