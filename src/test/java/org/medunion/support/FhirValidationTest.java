package org.medunion.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hl7.fhir.r4.model.CodeSystem;
import org.junit.jupiter.api.Test;

/** The harness itself can fail: invalid resources and unknown codes of a known system are errors. */
class FhirValidationTest {

    @Test
    void validResourcePasses() {
        FhirValidation.assertValid("{\"resourceType\":\"Organization\",\"name\":\"长宁区示例医院\"}");
    }

    @Test
    void invalidCodeOfARequiredBindingFails() {
        assertThatThrownBy(() -> FhirValidation.assertValid("{\"resourceType\":\"Patient\",\"gender\":\"robot\"}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("gender");
    }

    @Test
    void brokenInvariantFails() {
        // org-1: an Organization needs at least a name or an identifier
        assertThatThrownBy(() -> FhirValidation.assertValid("{\"resourceType\":\"Organization\",\"active\":true}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("org-1");
    }

    @Test
    void codeMissingFromAPublishedCodeSystemFailsWithTerminology() {
        var cs = new CodeSystem();
        cs.setUrl("https://medunion.example/fhir/CodeSystem/membership-role");
        cs.setStatus(org.hl7.fhir.r4.model.Enumerations.PublicationStatus.ACTIVE);
        cs.setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
        cs.addConcept().setCode("lead").setDisplay("牵头单位");
        var strict = FhirValidation.withTerminology(List.of(cs));
        String template = "{\"resourceType\":\"OrganizationAffiliation\",\"code\":[{\"coding\":[{\"system\":"
                + "\"https://medunion.example/fhir/CodeSystem/membership-role\",\"code\":\"%s\"}]}]}";
        assertThat(strict.errorsOf(template.formatted("lead"))).isEmpty();
        assertThat(strict.errorsOf(template.formatted("boss"))).isNotEmpty();
    }
}
