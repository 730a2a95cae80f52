package org.medunion;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The architecture is executable: module boundaries are verified and documented on every build. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(MedUnionApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    /**
     * City-wide reads without scope are granted by {@code registry :: unscoped} to policy and demo only, the
     * scheduling commands without a caller by {@code scheduling :: unscoped} to demo only (decision 0080). {@link #modulesRespectTheirBoundaries} catches modules with declared dependencies; this
     * rule also covers the web module, which declares none.
     */
    @Test
    void onlyPolicyAndDemoReadTheWholeCity() {
        assertThat(modules.getModuleByName("registry").orElseThrow().getNamedInterfaces().getByName("unscoped")).isPresent();
        noClasses().that().resideOutsideOfPackages("org.medunion.registry..", "org.medunion.policy..", "org.medunion.demo..")
                .should().dependOnClassesThat().resideInAPackage("org.medunion.registry.unscoped..")
                .check(mainClasses());
        noClasses().that().resideOutsideOfPackages("org.medunion.scheduling..", "org.medunion.demo..")
                .should().dependOnClassesThat().resideInAPackage("org.medunion.scheduling.unscoped..")
                .check(mainClasses());
    }

    private static com.tngtech.archunit.core.domain.JavaClasses mainClasses() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.medunion");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
