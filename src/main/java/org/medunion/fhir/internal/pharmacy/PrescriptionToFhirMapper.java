package org.medunion.fhir.internal.pharmacy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.SimpleQuantity;
import org.hl7.fhir.r4.model.StringType;
import org.medunion.fhir.internal.Systems;
import org.medunion.pharmacy.NotDispensedReason;
import org.medunion.pharmacy.PrescriptionRecords;
import org.medunion.pharmacy.PrescriptionStatus;
import org.medunion.pharmacy.PrescriptionView;

/**
 * A prescription as one MedicationRequest per item, grouped by {@code groupIdentifier} (the prescription number),
 * and — once dispensed, partly dispensed or not dispensed — one MedicationDispense per item (pharmacy.md (d)). Ids
 * are {@code <prescription>-<line>}.
 */
final class PrescriptionToFhirMapper {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/medicationrequest-category";
    private static final String COURSE = "http://terminology.hl7.org/CodeSystem/medicationrequest-course-of-therapy";

    private PrescriptionToFhirMapper() {
    }

    static List<MedicationRequest> requests(PrescriptionRecords.Entry e) {
        return e.view().items().stream().map(i -> request(e, i)).toList();
    }

    static MedicationRequest request(PrescriptionRecords.Entry e, PrescriptionView.ItemView item) {
        var p = e.view();
        var r = new MedicationRequest();
        r.setId("MedicationRequest/" + p.id() + "-" + item.line());
        r.setMeta(new Meta().setLastUpdated(Date.from(e.lastUpdated())));
        r.addIdentifier().setSystem(PharmacyFhir.ID_PRESCRIPTION_ITEM).setValue(p.number() + "-" + item.line());
        r.setGroupIdentifier(new Identifier().setSystem(Systems.ID_PRESCRIPTION).setValue(p.number()));
        r.setStatus(requestStatus(p.status()));
        r.addExtension(PharmacyFhir.EXT_PRESCRIPTION_STATUS,
                new Coding(PharmacyFhir.CS_PRESCRIPTION_STATUS, Systems.code(p.status()), null));
        if (p.status() == PrescriptionStatus.RETURNED && p.returnReason() != null) {
            r.setStatusReason(new CodeableConcept().setText(p.returnReason()));
        }
        r.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        if (p.referralId() != null) { // RX-16: an extended prescription renews a downward referral's medication list
            r.addBasedOn(new Reference("ServiceRequest/" + p.referralId()));
        }
        r.addCategory().addCoding().setSystem(CATEGORY).setCode("outpatient");
        r.addCategory().addCoding(new Coding(PharmacyFhir.CS_ENCOUNTER, Systems.code(p.encounterType()), null));
        r.setPriority(
                p.urgent() ? MedicationRequest.MedicationRequestPriority.URGENT : MedicationRequest.MedicationRequestPriority.ROUTINE);
        r.setMedication(medication(item));
        r.setSubject(new Reference("Patient/" + p.residentId()));
        r.setAuthoredOn(Date.from(p.submittedAt()));
        r.setRequester(organization(p.prescribingInstitutionId(), p.prescribingInstitutionName()));
        r.addReasonCode().setText(p.diagnosisText()).addCoding(new Coding(PharmacyFhir.ICD10, p.diagnosisCode(), p.diagnosisText()));
        r.setCourseOfTherapyType(new CodeableConcept(new Coding(COURSE, p.longPrescription() ? "continuous" : "acute", null)));
        var dosage = r.addDosageInstruction().setSequence(1)
                .setText(item.dose().stripTrailingZeros().toPlainString() + " " + item.doseUnit() + " " + item.frequency() + " "
                        + item.route());
        dosage.getTiming().getCode().setText(item.frequency());
        dosage.getRoute().setText(item.route());
        dosage.addDoseAndRate().setDose(new Quantity().setValue(item.dose()).setUnit(item.doseUnit()));
        var dispense = r.getDispenseRequest();
        LocalDate issued = LocalDate.ofInstant(p.submittedAt(), CHINA);
        dispense.setValidityPeriod(new Period().setStartElement(new DateTimeType(issued.toString()))
                .setEndElement(new DateTimeType(issued.plusDays(Math.max(1, p.validityDays()) - 1L).toString())));
        dispense.setExpectedSupplyDuration((Duration) new Duration().setValue(item.daysSupply()).setUnit("d").setSystem(PharmacyFhir.UCUM)
                .setCode("d"));
        if (item.quantity() != null) {
            dispense.setQuantity((SimpleQuantity) new SimpleQuantity().setValue(item.quantity()));
        }
        dispense.setPerformer(organization(p.dispensingInstitutionId(), p.dispensingInstitutionName()));
        issueReferences(p, item).forEach(r::addDetectedIssue);
        if (p.assessmentNote() != null) {
            r.addNote().setText(p.assessmentNote());
        }
        if (p.reason() != null) {
            r.addExtension(PharmacyFhir.EXT_OVER_LIMIT_REASON, new StringType(p.reason()));
        }
        if (p.longPrescription()) {
            r.addExtension(PharmacyFhir.EXT_LONG_CONFIRMED, new BooleanType(p.patientConfirmed()));
        }
        r.addExtension(PharmacyFhir.EXT_SITE_CONFIRMED, new BooleanType(p.siteConfirmedByPatient()));
        if (p.centralDistribution()) {
            r.addExtension(PharmacyFhir.EXT_CENTRAL_DISTRIBUTION, new BooleanType(true));
        }
        r.addSupportingInformation(new Reference("Task/" + p.id() + PharmacyFhir.REVIEW_SUFFIX)); // every prescription is reviewed (RX-8)
        return r;
    }

    static List<MedicationDispense> dispenses(PrescriptionRecords.Entry e) {
        if (!PharmacyFhir.DISPENSED.contains(e.view().status())) {
            return List.of();
        }
        return e.view().items().stream().map(i -> dispense(e, i)).toList();
    }

    static MedicationDispense dispense(PrescriptionRecords.Entry e, PrescriptionView.ItemView item) {
        var p = e.view();
        var d = new MedicationDispense();
        d.setId("MedicationDispense/" + p.id() + "-" + item.line());
        d.setMeta(new Meta().setLastUpdated(Date.from(e.lastUpdated())));
        d.addIdentifier().setSystem(PharmacyFhir.ID_PRESCRIPTION_ITEM).setValue(p.number() + "-" + item.line());
        d.setStatus(switch (p.status()) {
            case PARTIALLY_DISPENSED -> MedicationDispense.MedicationDispenseStatus.INPROGRESS;
            case NOT_DISPENSED -> MedicationDispense.MedicationDispenseStatus.DECLINED;
            default -> MedicationDispense.MedicationDispenseStatus.COMPLETED;
        });
        if (p.dispenseReason() != null) {
            d.setStatusReason(new CodeableConcept(new Coding(PharmacyFhir.CS_NOT_DISPENSED,
                    Systems.code(NotDispensedReason.valueOf(p.dispenseReason())), null)));
        }
        d.setMedication(medication(item));
        d.setSubject(new Reference("Patient/" + p.residentId()));
        d.addPerformer().setActor(organization(p.dispensingInstitutionId(), p.dispensingInstitutionName()));
        d.addAuthorizingPrescription(new Reference("MedicationRequest/" + p.id() + "-" + item.line()));
        if (p.status() == PrescriptionStatus.DISPENSED && item.quantity() != null) {
            d.setQuantity((SimpleQuantity) new SimpleQuantity().setValue(item.quantity()));
        }
        d.setDaysSupply((SimpleQuantity) new SimpleQuantity().setValue(item.daysSupply()).setUnit("d").setSystem(PharmacyFhir.UCUM)
                .setCode("d"));
        if (p.status() != PrescriptionStatus.NOT_DISPENSED && p.dispensedAt() != null) {
            d.setWhenHandedOver(Date.from(p.dispensedAt()));
        }
        if (p.dispenseNote() != null) {
            d.addNote().setText(p.dispenseNote());
        }
        return d;
    }

    static MedicationRequest.MedicationRequestStatus requestStatus(PrescriptionStatus status) {
        return switch (status) {
            case IN_REVIEW -> MedicationRequest.MedicationRequestStatus.ONHOLD;
            case RETURNED -> MedicationRequest.MedicationRequestStatus.DRAFT;
            case APPROVED, PARTIALLY_DISPENSED -> MedicationRequest.MedicationRequestStatus.ACTIVE;
            case DISPENSED -> MedicationRequest.MedicationRequestStatus.COMPLETED;
            case NOT_DISPENSED -> MedicationRequest.MedicationRequestStatus.STOPPED;
            case CANCELLED -> MedicationRequest.MedicationRequestStatus.CANCELLED;
        };
    }

    /** The findings that name this item's drug and the pharmacist's review, as DetectedIssue references. */
    private static List<Reference> issueReferences(PrescriptionView p, PrescriptionView.ItemView item) {
        var out = new ArrayList<Reference>();
        for (int i = 0; i < p.findings().size(); i++) {
            if (p.findings().get(i).drugCodes().contains(item.drugCode())) {
                out.add(new Reference("DetectedIssue/" + p.id() + "-f" + (i + 1)));
            }
        }
        if (p.reviewedAt() != null) {
            out.add(new Reference("DetectedIssue/" + p.id() + "-review"));
        }
        return out;
    }

    private static Reference medication(PrescriptionView.ItemView item) {
        return new Reference("Medication/" + item.drugCode()).setDisplay(item.drugName() + " " + item.strength());
    }

    static Reference organization(UUID id, String name) {
        var ref = new Reference("Organization/" + id);
        return name == null || name.isBlank() ? ref : ref.setDisplay(name);
    }
}
