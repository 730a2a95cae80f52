package org.medunion.fhir.internal.pharmacy;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Reference;
import org.medunion.fhir.internal.Systems;
import org.medunion.pharmacy.PrescreenFinding;
import org.medunion.pharmacy.PrescriptionRecords;

/**
 * The pre-screen's findings (RX-9, RX-12) as DetectedIssues {@code <prescription>-f<n>} and the pharmacist's review
 * (RX-8) as {@code <prescription>-review}, whose mitigations say what was decided: approved, approved with a note,
 * returned (with the reason), overridden by the prescriber (with the reason).
 */
final class PrescriptionToDetectedIssueMapper {

    private PrescriptionToDetectedIssueMapper() {
    }

    static List<DetectedIssue> issues(PrescriptionRecords.Entry e) {
        var out = new ArrayList<DetectedIssue>();
        for (int i = 0; i < e.view().findings().size(); i++) {
            out.add(finding(e, i));
        }
        if (e.view().reviewedAt() != null) {
            out.add(review(e));
        }
        return out;
    }

    static DetectedIssue finding(PrescriptionRecords.Entry e, int index) {
        var p = e.view();
        PrescreenFinding f = p.findings().get(index);
        var d = base(e, p.id() + "-f" + (index + 1));
        d.setCode(new CodeableConcept().setText(f.message()));
        d.getCode().addCoding(new Coding(PharmacyFhir.CS_ISSUE, Systems.code(PrescriptionIssue.valueOf(f.category())), null));
        d.getCode().addCoding(new Coding(PharmacyFhir.CS_RULE, f.ruleId(), null));
        d.setSeverity(switch (f.severity()) {
            case "HIGH" -> DetectedIssue.DetectedIssueSeverity.HIGH;
            case "MODERATE" -> DetectedIssue.DetectedIssueSeverity.MODERATE;
            default -> DetectedIssue.DetectedIssueSeverity.LOW;
        });
        d.setIdentified(new DateTimeType(Date.from(p.submittedAt())));
        for (var item : p.items()) {
            if (f.drugCodes().contains(item.drugCode())) {
                d.addImplicated(new Reference("MedicationRequest/" + p.id() + "-" + item.line()));
            }
        }
        d.setDetail(f.message());
        return d;
    }

    static DetectedIssue review(PrescriptionRecords.Entry e) {
        var p = e.view();
        var d = base(e, p.id() + "-review");
        d.setCode(new CodeableConcept(new Coding(PharmacyFhir.CS_ISSUE, Systems.code(PrescriptionIssue.PHARMACIST_REVIEW), null)));
        d.getCode().addCoding(new Coding(PharmacyFhir.CS_RULE, "RX-8", null));
        if (p.reviewedAt() != null) {
            d.setIdentified(new DateTimeType(Date.from(p.reviewedAt())));
        }
        p.items().forEach(i -> d.addImplicated(new Reference("MedicationRequest/" + p.id() + "-" + i.line())));
        for (var step : e.review()) {
            var action = PrescriptionToReviewMapper.mitigation(step);
            var m = d.addMitigation().setDate(Date.from(step.at()));
            m.setAction(new CodeableConcept(new Coding(PharmacyFhir.CS_MITIGATION, Systems.code(action), null)).setText(step.reason()));
        }
        String detail = p.returnReason() != null ? p.returnReason() : p.reviewNote();
        if (detail != null) {
            d.setDetail(detail);
        }
        return d;
    }

    private static DetectedIssue base(PrescriptionRecords.Entry e, String id) {
        var d = new DetectedIssue();
        d.setId("DetectedIssue/" + id);
        d.setMeta(new Meta().setLastUpdated(Date.from(e.lastUpdated())));
        d.setStatus(DetectedIssue.DetectedIssueStatus.FINAL);
        d.setPatient(new Reference("Patient/" + e.view().residentId()));
        return d;
    }
}
