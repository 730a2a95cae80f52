package org.medunion.support;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * Validates FHIR R4 resources the server returns against the base specification with HAPI's instance validator,
 * offline (no terminology server): base profiles, in-memory terminology, common code systems, snapshots.
 * Built once per JVM — building the chain takes seconds.
 */
public final class FhirValidation {

    private static volatile FhirValidator validator;

    private FhirValidation() {
    }

    public static FhirContext context() {
        return FhirContext.forR4Cached();
    }

    private static FhirValidator validator() {
        if (validator == null) {
            synchronized (FhirValidation.class) {
                if (validator == null) {
                    FhirContext ctx = context();
                    var chain = new ValidationSupportChain(new DefaultProfileValidationSupport(ctx),
                            new InMemoryTerminologyServerValidationSupport(ctx), new CommonCodeSystemsTerminologyService(ctx),
                            new SnapshotGeneratingValidationSupport(ctx));
                    var instanceValidator = new FhirInstanceValidator(chain);
                    instanceValidator.setAnyExtensionsAllowed(true);
                    instanceValidator.setNoTerminologyChecks(false);
                    FhirValidator v = ctx.newValidator();
                    v.registerValidatorModule(instanceValidator);
                    validator = v;
                }
            }
        }
        return validator;
    }

    /** Errors and fatal messages for a resource given as JSON (empty when it is valid). */
    public static List<SingleValidationMessage> errors(String json) {
        var result = validator().validateWithResult(json);
        return result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .toList();
    }

    /** Asserts the JSON resource validates against the R4 base specification with no error. */
    public static void assertValid(String json) {
        var errors = errors(json);
        assertThat(errors).as(() -> "FHIR validation errors:\n" + errors.stream()
                .map(m -> m.getLocationString() + ": " + m.getMessage()).reduce("", (a, b) -> a + b + "\n") + json).isEmpty();
    }
}
