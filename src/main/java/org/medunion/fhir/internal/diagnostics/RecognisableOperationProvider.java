package org.medunion.fhir.internal.diagnostics;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.UUID;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.DiagnosticsManagement;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * {@code GET /fhir/Patient/<id>/$recognisable?code=<item>[&date=<yyyy-mm-dd>]}: the recognition offer at order entry
 * (NAT-R-5) for the caller's institution — the list and window, every earlier result with its verdict, reasons and
 * mark, a DetectedIssue for the offer and one per recorded decision on the item. Scoped like the results: without a
 * care relationship the patient is unknown (404), whether or not the id exists; audited by the module.
 */
@Component
public class RecognisableOperationProvider implements IResourceProvider {

    private final DiagnosticsManagement diagnostics;

    RecognisableOperationProvider(DiagnosticsManagement diagnostics) {
        this.diagnostics = diagnostics;
    }

    @Override
    public Class<Patient> getResourceType() {
        return Patient.class;
    }

    @Operation(name = "$recognisable", idempotent = true)
    public Parameters recognisable(@IdParam IdType patient,
                                   @OperationParam(name = "code", min = 1, max = 1) @Nullable StringType code,
                                   @OperationParam(name = "date", max = 1) @Nullable DateType date) {
        UUID resident = DiagnosticsFhir.uuid(patient.getIdPart(), "id");
        if (code == null || code.isEmpty()) {
            throw new InvalidInputException("code", "request.invalid");
        }
        try {
            var offer = diagnostics.findRecognisable(resident, code.getValue(), null,
                    date == null || date.isEmpty() ? null : DiagnosticsFhir.localDate(date));
            var decisions = diagnostics.decisionsOf(resident).stream()
                    .filter(d -> d.itemCode().equals(offer.itemCode())).toList();
            return RecognitionOfferMapper.parameters(offer, decisions);
        } catch (NotFoundException e) {
            throw new ResourceNotFoundException(patient);
        }
    }
}
