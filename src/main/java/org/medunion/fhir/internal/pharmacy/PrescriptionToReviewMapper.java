package org.medunion.fhir.internal.pharmacy;

import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Signature;
import org.hl7.fhir.r4.model.Task;
import org.jspecify.annotations.Nullable;
import org.medunion.fhir.internal.Systems;
import org.medunion.pharmacy.PrescriptionAction;
import org.medunion.pharmacy.PrescriptionRecords;
import org.medunion.pharmacy.PrescriptionStatus;

/**
 * The pharmacist's review of a prescription (RX-8) as a {@code Task <prescription>-review} — owned by the reviewing
 * institution (RX-11: the consortium's pre-review centre for primary sites), due by the RX-8 service level — and,
 * once a pharmacist has decided, a {@code Provenance <prescription>-review} carrying the pharmacist's signature.
 */
final class PrescriptionToReviewMapper {

    /** ISO/ASTM E1762-95 signature types (the R4 signature-type value set). */
    private static final String SIGNATURE_TYPE = "urn:iso-astm:E1762-95:2013";
    private static final String VERIFICATION_SIGNATURE = "1.2.840.10065.1.12.1.5";
    private static final String PARTICIPANT_TYPE = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";

    private PrescriptionToReviewMapper() {
    }

    static Task task(PrescriptionRecords.Entry e) {
        var p = e.view();
        var t = new Task();
        t.setId(new IdType("Task", p.id() + PharmacyFhir.REVIEW_SUFFIX, Long.toString(p.version())));
        t.getMeta().setVersionId(Long.toString(p.version())).setLastUpdated(Date.from(e.lastUpdated()));
        t.addIdentifier().setSystem(Systems.ID_PRESCRIPTION).setValue(p.number());
        t.getGroupIdentifier().setSystem(Systems.ID_PRESCRIPTION).setValue(p.number());
        t.setStatus(status(p.status()));
        t.setBusinessStatus(new CodeableConcept(new Coding(PharmacyFhir.CS_PRESCRIPTION_STATUS, Systems.code(p.status()), null)));
        if (p.status() == PrescriptionStatus.RETURNED && p.returnReason() != null) {
            t.setStatusReason(new CodeableConcept().setText(p.returnReason()));
        }
        t.setIntent(Task.TaskIntent.ORDER);
        t.setPriority(p.urgent() ? Task.TaskPriority.URGENT : Task.TaskPriority.ROUTINE);
        t.setCode(new CodeableConcept(new Coding(PharmacyFhir.CS_ISSUE, Systems.code(PrescriptionIssue.PHARMACIST_REVIEW), null)));
        t.setFocus(new Reference("MedicationRequest/" + p.id() + "-" + p.items().get(0).line()));
        t.setFor(new Reference("Patient/" + p.residentId()));
        t.setAuthoredOn(Date.from(p.submittedAt()));
        t.setLastModified(Date.from(e.lastUpdated()));
        t.setRequester(PrescriptionToFhirMapper.organization(p.prescribingInstitutionId(), p.prescribingInstitutionName()));
        t.setOwner(PrescriptionToFhirMapper.organization(p.reviewingInstitutionId(), p.reviewingInstitutionName()));
        if (p.dueAt() != null) {
            t.getRestriction().setPeriod(new Period().setEnd(Date.from(p.dueAt())));
        }
        var period = t.getExecutionPeriod().setStart(Date.from(p.submittedAt()));
        if (t.getStatus() == Task.TaskStatus.COMPLETED && p.reviewedAt() != null) {
            period.setEnd(Date.from(p.reviewedAt()));
        }
        for (var item : p.items()) {
            t.addInput().setType(new CodeableConcept().setText("MedicationRequest"))
                    .setValue(new Reference("MedicationRequest/" + p.id() + "-" + item.line()).setDisplay(item.drugName()));
        }
        if (p.reviewedAt() != null) {
            t.addOutput().setType(new CodeableConcept().setText("DetectedIssue"))
                    .setValue(new Reference("DetectedIssue/" + p.id() + PharmacyFhir.REVIEW_SUFFIX));
            t.addRelevantHistory(new Reference("Provenance/" + p.id() + PharmacyFhir.REVIEW_SUFFIX));
        }
        if (p.reviewNote() != null) {
            t.addNote().setText(p.reviewNote());
        }
        if (p.overrideReason() != null && p.status() == PrescriptionStatus.IN_REVIEW) {
            t.addNote().setText(p.overrideReason());
        }
        return t;
    }

    /**
     * requested while in review; on-hold while returned to the prescriber (who fixes or overrides it); completed once
     * approved (dispensing does not reopen it); cancelled when the prescription is.
     */
    static Task.TaskStatus status(PrescriptionStatus s) {
        return switch (s) {
            case IN_REVIEW -> Task.TaskStatus.REQUESTED;
            case RETURNED -> Task.TaskStatus.ONHOLD;
            case APPROVED, PARTIALLY_DISPENSED, DISPENSED, NOT_DISPENSED -> Task.TaskStatus.COMPLETED;
            case CANCELLED -> Task.TaskStatus.CANCELLED;
        };
    }

    /** The pharmacist's last decision, signed: null until a pharmacist has approved or returned the prescription. */
    static @Nullable Provenance provenance(PrescriptionRecords.Entry e) {
        var p = e.view();
        var decision = e.review().stream().filter(s -> s.action() != PrescriptionAction.OVERRIDE).reduce((a, b) -> b).orElse(null);
        if (p.reviewedAt() == null || decision == null) {
            return null;
        }
        var prov = new Provenance();
        prov.setId(new IdType("Provenance", p.id() + PharmacyFhir.REVIEW_SUFFIX, Long.toString(p.version())));
        prov.getMeta().setVersionId(Long.toString(p.version())).setLastUpdated(Date.from(e.lastUpdated()));
        p.items().forEach(i -> prov.addTarget(new Reference("MedicationRequest/" + p.id() + "-" + i.line())));
        prov.addTarget(new Reference("DetectedIssue/" + p.id() + PharmacyFhir.REVIEW_SUFFIX));
        prov.setRecordedElement(new InstantType(Date.from(p.reviewedAt())));
        prov.setActivity(new CodeableConcept(new Coding(PharmacyFhir.CS_MITIGATION, Systems.code(mitigation(decision)), null)));
        Reference pharmacist = new Reference().setDisplay(p.reviewedBy() == null ? "" : p.reviewedBy());
        prov.addAgent().setType(new CodeableConcept(new Coding(PARTICIPANT_TYPE, "verifier", "Verifier")))
                .setWho(pharmacist).setOnBehalfOf(PrescriptionToFhirMapper.organization(p.reviewingInstitutionId(),
                        p.reviewingInstitutionName()));
        prov.addSignature(new Signature().addType(new Coding(SIGNATURE_TYPE, VERIFICATION_SIGNATURE, "Verification Signature"))
                .setWhen(Date.from(p.reviewedAt())).setWho(pharmacist.copy()));
        return prov;
    }

    static ReviewMitigation mitigation(PrescriptionRecords.ReviewStep step) {
        return switch (step.action()) {
            case RETURN -> ReviewMitigation.RETURNED;
            case OVERRIDE -> ReviewMitigation.OVERRIDDEN_BY_PRESCRIBER;
            default -> step.reason() == null ? ReviewMitigation.APPROVED : ReviewMitigation.APPROVED_WITH_NOTE;
        };
    }
}
