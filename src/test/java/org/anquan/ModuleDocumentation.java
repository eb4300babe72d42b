package org.anquan;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Writes the module diagrams (PlantUML) to {@code target/spring-modulith-docs}. Not a test: run it
 * with {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.anquan.ModuleDocumentation}.
 */
public final class ModuleDocumentation {

    private ModuleDocumentation() {
    }

    public static void main(String[] args) {
        new Documenter(ApplicationModules.of(AnquanApplication.class)).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
