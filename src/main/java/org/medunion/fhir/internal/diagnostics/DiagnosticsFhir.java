package org.medunion.fhir.internal.diagnostics;

import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.LocalDate;
import java.util.UUID;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.DiagnosticsManagement;
import org.medunion.diagnostics.ReportId;
import org.medunion.diagnostics.ReportView;
import org.medunion.fhir.internal.Systems;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.NotFoundException;

/** Systems, ids and small helpers of the diagnostics resources (docs/fhir.md "Diagnostics", decision 0230). */
public final class DiagnosticsFhir {

    static final String ID_ORDER = "https://medunion.example/id/diagnostic-order";
    static final String ID_DECISION = "https://medunion.example/id/recognition-decision";
    /** The id suffix of an order's ServiceRequest and Task: {@code <order uuid>-order}. */
    static final String ORDER_SUFFIX = "-order";
    /** The id suffix of a lab or pathology order's Specimen: {@code <order uuid>-specimen}. */
    static final String SPECIMEN_SUFFIX = "-specimen";
    /** The accession number a centre's specimen carries from receipt: the order's id (decision 0237). */
    static final String ID_ACCESSION = "https://medunion.example/id/specimen-accession";
    static final String CS_CENTRE_ORDER = Systems.codeSystem("centre-order");
    static final String CS_ORDER_STATE = Systems.codeSystem("centre-order-state");
    static final String CS_ORDER_REJECTION = Systems.codeSystem("centre-order-rejection");
    static final String CS_OUTCOME = Systems.codeSystem("recognition-outcome");
    static final String CS_REASON = Systems.codeSystem("reexamination-reason");
    static final String CS_SCOPE = Systems.codeSystem("recognition-scope");
    static final String CS_QC_LEVEL = Systems.codeSystem("qc-level");
    static final String EXT_QC_ITEM = Systems.EXTENSION + "qc-item";
    static final String EXT_QC_PERIOD = Systems.EXTENSION + "qc-valid-period";

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

    /** The order behind a ServiceRequest or Task id {@code <uuid>-order}, or null for any other id form. */
    public static @Nullable UUID order(@Nullable String id) {
        return order(id, ORDER_SUFFIX);
    }

    /** The order behind an id {@code <uuid><suffix>}, or null for any other id form. */
    static @Nullable UUID order(@Nullable String id, String suffix) {
        if (id == null || id.length() != 36 + suffix.length() || !id.endsWith(suffix)) {
            return null;
        }
        try {
            return UUID.fromString(id.substring(0, 36));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** An {@code Organization/<uuid>} reference parameter (or a bare uuid) as the institution; else a 400 naming it. */
    static @Nullable UUID organization(@Nullable ReferenceParam ref, String field) {
        if (ref == null) {
            return null;
        }
        var id = new IdType(ref.getValue());
        if (id.hasResourceType() && !"Organization".equals(id.getResourceType())) {
            throw new InvalidInputException(field, "request.invalidField", "Organization");
        }
        return uuid(id.getIdPart(), field);
    }

    /** The imaging report with a study behind an ImagingStudy or Endpoint id; anything else (or invisible) is 404. */
    static ReportView imagingReport(DiagnosticsManagement diagnostics, IdType id) {
        try {
            var report = diagnostics.report(new ReportId(uuid(id.getIdPart(), "id")));
            if (!ReportToImagingStudyMapper.hasStudy(report)) {
                throw new ResourceNotFoundException(id);
            }
            return report;
        } catch (NotFoundException e) {
            throw new ResourceNotFoundException(id);
        }
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
