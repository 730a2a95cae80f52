package org.medunion.fhir.internal.pharmacy;

import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.medunion.fhir.internal.FieldPaths;
import org.medunion.pharmacy.PharmacyManagement;
import org.medunion.pharmacy.PrescriptionRecords;
import org.springframework.stereotype.Component;

/**
 * A HIS submits a prescription as MedicationRequests (one per item): read into the pharmacy module's command and
 * prescribed by the signed-in physician exactly as through REST — the RX rules, the care relationship, the pre-screen
 * and the audit are the pharmacy module's; a blocking rule is a 422 naming the rule and the element, nothing written.
 */
@Component
class PrescriptionSubmissions {

    /** The pharmacy command's field names → the MedicationRequest elements a HIS sets (OperationOutcome.expression). */
    private static final Map<String, String> PATHS = Map.ofEntries(
            Map.entry("residentId", "MedicationRequest.subject"),
            Map.entry("encounterType", "MedicationRequest.category"),
            Map.entry("diagnosisCode", "MedicationRequest.reasonCode"),
            Map.entry("diagnosisText", "MedicationRequest.reasonCode"),
            Map.entry("chronic", "MedicationRequest.courseOfTherapyType"),
            Map.entry("reason", "MedicationRequest.extension"),
            Map.entry("assessmentNote", "MedicationRequest.note"),
            Map.entry("patientConfirmed", "MedicationRequest.extension"),
            Map.entry("validityDays", "MedicationRequest.dispenseRequest.validityPeriod"),
            Map.entry("dispensingInstitutionId", "MedicationRequest.dispenseRequest.performer"),
            Map.entry("siteConfirmedByPatient", "MedicationRequest.extension"),
            Map.entry("centralDistribution", "MedicationRequest.extension"),
            Map.entry("referralId", "MedicationRequest.basedOn"),
            Map.entry("items.drugCode", "MedicationRequest.medication"),
            Map.entry("items.dose", "MedicationRequest.dosageInstruction.doseAndRate.doseQuantity"),
            Map.entry("items.doseUnit", "MedicationRequest.dosageInstruction.doseAndRate.doseQuantity.unit"),
            Map.entry("items.route", "MedicationRequest.dosageInstruction.route"),
            Map.entry("items.frequency", "MedicationRequest.dosageInstruction.timing.code"),
            Map.entry("items.daysSupply", "MedicationRequest.dispenseRequest.expectedSupplyDuration"),
            Map.entry("items.weeksSupply", "MedicationRequest.dispenseRequest.expectedSupplyDuration"),
            Map.entry("items.quantity", "MedicationRequest.dispenseRequest.quantity"),
            Map.entry("items", "MedicationRequest"));

    private final PharmacyManagement pharmacy;

    PrescriptionSubmissions(PharmacyManagement pharmacy) {
        this.pharmacy = pharmacy;
    }

    /** The written prescription (in review), as the exchange sees it right after submission. */
    PrescriptionRecords.Entry submit(List<MedicationRequest> requests) {
        var command = PrescriptionRequestReader.read(requests); // its errors already name MedicationRequest elements
        try {
            var view = pharmacy.prescribe(command);
            return new PrescriptionRecords.Entry(view, view.submittedAt(), List.of());
        } catch (RuntimeException e) {
            throw FieldPaths.translate(e, "MedicationRequest", PATHS);
        }
    }
}
