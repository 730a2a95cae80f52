package org.medunion.fhir.internal.diagnostics;

import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.medunion.diagnostics.DecisionOutcome;
import org.medunion.diagnostics.DecisionView;
import org.medunion.fhir.internal.Systems;

/**
 * A recognition decision (NAT-R-5, 6) as DetectedIssue {@code <decision>}, after the spec's duplicate-test example:
 * code v3-ActCode DUPTHPY, the resident, identified when decided, implicated the earlier DiagnosticReport recognised
 * and the ServiceRequest of the order placed instead, and one mitigation — recognised, or re-examined with its reason
 * (CodeSystem {@code reexamination-reason} 01–08, 98, 99; the physician's text for 07 and 08) — by the deciding
 * clinician's account (MedUnion accounts are not Practitioner records, so the author is named, not referenced).
 */
final class DecisionToDetectedIssueMapper {

    static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    static final String DUPLICATE = "DUPTHPY";

    private DecisionToDetectedIssueMapper() {
    }

    static DetectedIssue issue(DecisionView d) {
        var issue = new DetectedIssue();
        issue.setId("DetectedIssue/" + d.id());
        issue.getMeta().setLastUpdated(Date.from(d.decidedAt())); // a decision never changes
        issue.addIdentifier(new Identifier().setSystem(DiagnosticsFhir.ID_DECISION).setValue(d.id().toString()));
        issue.setStatus(DetectedIssue.DetectedIssueStatus.FINAL);
        issue.setCode(new CodeableConcept(new Coding(ACT_CODE, DUPLICATE, "Duplicate Therapy Alert")).setText(d.itemCode()));
        issue.setSeverity(DetectedIssue.DetectedIssueSeverity.LOW);
        issue.setPatient(new Reference("Patient/" + d.residentId()));
        issue.setIdentified(new DateTimeType(Date.from(d.decidedAt())));
        issue.setAuthor(author(d));
        if (d.reportId() != null) {
            issue.addImplicated(new Reference("DiagnosticReport/" + d.reportId()));
        }
        if (d.orderId() != null) {
            issue.addImplicated(new Reference("ServiceRequest/" + d.orderId() + DiagnosticsFhir.ORDER_SUFFIX));
        }
        var action = new CodeableConcept(new Coding(DiagnosticsFhir.CS_OUTCOME, Systems.code(d.outcome()), null));
        if (d.outcome() == DecisionOutcome.REEXAMINED && d.reasonCode() != null) {
            action.addCoding(new Coding(DiagnosticsFhir.CS_REASON, d.reasonCode(), null));
        }
        if (d.reasonText() != null) {
            action.setText(d.reasonText());
            issue.setDetail(d.reasonText());
        }
        issue.addMitigation().setAction(action).setDate(Date.from(d.decidedAt())).setAuthor(author(d));
        return issue;
    }

    private static Reference author(DecisionView d) {
        return new Reference().setType("Practitioner").setDisplay(d.decidedBy());
    }
}
