package org.medunion.fhir.internal.diagnostics;

import ca.uhn.fhir.rest.param.ReferenceParam;
import java.time.LocalDate;
import java.util.UUID;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.medunion.shared.InvalidInputException;

/** Small helpers of the DiagnosticReport and Observation providers. */
public final class DiagnosticsFhir {

    private DiagnosticsFhir() {
    }

    /** The resident of a {@code patient} parameter ({@code Patient/<uuid>} or {@code <uuid>}); else a 400 naming it. */
    public static UUID patient(ReferenceParam patient) {
        var id = new IdType(patient.getValue());
        if (id.hasResourceType() && !"Patient".equals(id.getResourceType())) {
            throw new InvalidInputException("patient", "request.invalidField", "Patient");
        }
        return uuid(id.getIdPart(), "patient");
    }

    public static UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException(field, "request.wrongType", value, "UUID");
        }
    }

    /** A FHIR date as a local date (the day as written, no time zone shift). */
    public static LocalDate localDate(DateType date) {
        return LocalDate.of(date.getYear(), date.getMonth() + 1, date.getDay());
    }
}
