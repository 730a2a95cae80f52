package org.medunion.fhir.internal.diagnostics;

import java.time.LocalDate;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.VerificationResult;
import org.medunion.diagnostics.QcView;
import org.medunion.fhir.internal.Systems;

/**
 * A QC record (SC-8) as VerificationResult with the record's id: the target is the assessed institution; the item, the
 * validity period and the recognition mark it gives ("重庆HR", NAT-R-3) are extensions (R4 has no element for them);
 * {@code validationProcess} is the assessing level (CodeSystem {@code qc-level}) with the mark as text. Status: a pass
 * in force on {@code today} is validated, a failed assessment val-fail, a pass out of its period req-revalid.
 */
final class QcToVerificationResultMapper {

    private static final String VALIDATION_TYPE = "http://terminology.hl7.org/CodeSystem/validation-type";

    private QcToVerificationResultMapper() {
    }

    static VerificationResult result(QcView q, String itemName, LocalDate today) {
        var v = new VerificationResult();
        v.setId("VerificationResult/" + q.id());
        v.addTarget(new Reference("Organization/" + q.institutionId()));
        v.addTargetLocation("Organization");
        if (!q.passed()) {
            v.setStatus(VerificationResult.Status.VALFAIL);
        } else {
            v.setStatus(q.covers(today) ? VerificationResult.Status.VALIDATED : VerificationResult.Status.REQREVALID);
        }
        v.setStatusDateElement(new DateTimeType(q.validFrom().toString()));
        v.setValidationType(new CodeableConcept(new Coding(VALIDATION_TYPE, "primary", "Primary Source")));
        v.addValidationProcess(new CodeableConcept(new Coding(DiagnosticsFhir.CS_QC_LEVEL, Systems.code(q.level()), null))
                .setText(q.mark()));
        v.setLastPerformedElement(new DateTimeType(q.validFrom().toString()));
        v.setNextScheduledElement(new DateType(q.validUntil().toString()));
        v.addExtension(DiagnosticsFhir.EXT_QC_ITEM, new Coding(ReportToDiagnosticReportMapper.ITEM_SYSTEM, q.itemCode(), itemName));
        v.addExtension(DiagnosticsFhir.EXT_QC_PERIOD, new Period().setStartElement(new DateTimeType(q.validFrom().toString()))
                .setEndElement(new DateTimeType(q.validUntil().toString())));
        v.addExtension(ReportToDiagnosticReportMapper.EXT_RECOGNITION_MARK, new StringType(q.mark()));
        return v;
    }
}
