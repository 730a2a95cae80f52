package org.medunion;

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

/**
 * Rules of the code base that the module verification (ModularityTests) does not cover: where HAPI FHIR types
 * may appear and where controllers live (issue 11). Each rule fails the build with the offending classes.
 */
class ArchitectureRulesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.medunion");

    @Test
    void hapiFhirTypesStayInTheFhirModule() {
        noClasses().that().resideOutsideOfPackage("org.medunion.fhir..")
                .should().dependOnClassesThat().resideInAnyPackage("ca.uhn.fhir..", "org.hl7.fhir..")
                .because("the FHIR facade maps to and from module APIs; other modules must not know HAPI")
                .check(MAIN);
    }

    @Test
    void controllersLiveInTheWebPackageOfTheirModule() {
        classes().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
                .should().resideInAPackage("org.medunion..web..")
                .because("<module>/web holds a capability's REST and console controllers; the web module is the console shell")
                .check(MAIN);
    }

    @Test
    void controllerNamesAreUniqueSoNoBeanNeedsAnExplicitName() {
        classes().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
                .should(haveAUniqueSimpleName())
                .check(MAIN);
    }

    private static ArchCondition<JavaClass> haveAUniqueSimpleName() {
        return new ArchCondition<>("have a simple name no other controller has") {

            @Override
            public void check(JavaClass item, ConditionEvents events) {
                long same = MAIN.stream()
                        .filter(c -> c.isAnnotatedWith(Controller.class) || c.isAnnotatedWith(RestController.class))
                        .filter(c -> c.getSimpleName().equals(item.getSimpleName()))
                        .count();
                if (same > 1) {
                    events.add(SimpleConditionEvent.violated(item,
                            item.getName() + " shares its simple name with another controller"));
                }
            }
        };
    }
}
