package org.medunion.support;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Validates FHIR JSON against the R4 base profiles with HAPI's instance validator, offline
 * (DefaultProfileValidationSupport + in-memory terminology + common code systems + snapshots).
 * {@link #assertValid(String)} fails on any ERROR or FATAL message and prints warnings it keeps. Unknown
 * code systems give warnings, not errors, so MedUnion's own systems pass unless a code is malformed;
 * {@link #withTerminology(List)} adds MedUnion's published CodeSystems/ValueSets so that their codes are
 * checked too. (The residents branch has a smaller file of the same name; this one is a superset of its
 * API: static {@code assertValid}, {@code errors}, {@code context}.)
 */
public final class FhirValidation {

    private static final FhirContext CONTEXT = FhirContext.forR4Cached();
    /** The R4 base definitions, loaded once per JVM and shared by every validator built here. */
    private static final DefaultProfileValidationSupport DEFINITIONS = new DefaultProfileValidationSupport(CONTEXT);
    private static FhirValidation base;

    private final FhirValidator validator;

    private FhirValidation(List<IBaseResource> terminology) {
        var prePopulated = new PrePopulatedValidationSupport(CONTEXT);
        terminology.forEach(prePopulated::addResource);
        var chain = new ValidationSupportChain(
                prePopulated,
                DEFINITIONS,
                new InMemoryTerminologyServerValidationSupport(CONTEXT),
                new CommonCodeSystemsTerminologyService(CONTEXT),
                new SnapshotGeneratingValidationSupport(CONTEXT));
        var instanceValidator = new FhirInstanceValidator(chain);
        instanceValidator.setAnyExtensionsAllowed(true);
        validator = CONTEXT.newValidator().registerValidatorModule(instanceValidator);
    }

    /** The base-profile validator (built once; building it loads the R4 definitions, ~seconds). */
    public static synchronized FhirValidation base() {
        if (base == null) {
            base = new FhirValidation(List.of());
        }
        return base;
    }

    /** A validator that also knows the given CodeSystem / ValueSet / NamingSystem resources. */
    public static FhirValidation withTerminology(List<IBaseResource> terminology) {
        return new FhirValidation(terminology);
    }

    /** A validator that also knows the server's CodeSystems and ValueSets, so MedUnion's codes are checked, not just shapes. */
    public static FhirValidation withServerTerminology(Api api) {
        var parser = CONTEXT.newJsonParser();
        List<IBaseResource> terminology = new ArrayList<>();
        for (String type : List.of("CodeSystem", "ValueSet")) {
            for (var e : api.getFhir("/fhir/" + type + "?_count=200").json().get("entry")) {
                terminology.add(parser.parseResource(e.get("resource").toString()));
            }
        }
        return withTerminology(terminology);
    }

    /** Fails when the base-profile validation reports an error. */
    public static void assertValid(String json) {
        base().check(json);
    }

    /** Error and fatal messages of the base-profile validation (empty when the resource is valid). */
    public static List<SingleValidationMessage> errors(String json) {
        return base().errorsOf(json);
    }

    /** The error-level messages (ERROR and FATAL) for a resource. */
    public List<SingleValidationMessage> errorsOf(String json) {
        var result = validator.validateWithResult(json);
        return result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .toList();
    }

    /** Fails when validation reports an error; the message lists every error with its location. */
    public void check(String json) {
        var errors = errorsOf(json);
        assertThat(errors)
                .as(() -> "FHIR validation errors:\n" + String.join("\n", errors.stream()
                        .map(m -> m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage()).toList())
                        + "\nin " + (json.length() > 4000 ? json.substring(0, 4000) + "…" : json))
                .isEmpty();
    }

    public static FhirContext context() {
        return CONTEXT;
    }
}
