package org.medunion.pharmacy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A prescription as the caller may see it (resident by ID and masked name only); {@code referralId} is the downward
 * referral an extended prescription renews (RX-16).
 */
public record PrescriptionView(UUID id, String number, PrescriptionStatus status, UUID residentId, String residentName,
                               UUID prescribingInstitutionId, String prescribingInstitutionName, String prescriber,
                               UUID reviewingInstitutionId, String reviewingInstitutionName, boolean reviewedByCentre,
                               EncounterType encounterType, String diagnosisCode, String diagnosisText, boolean chronic,
                               boolean urgent, @Nullable String reason, boolean longPrescription, int maxDays, String longPrescriptionRule,
                               @Nullable String assessmentNote, boolean patientConfirmed, int validityDays,
                               List<ItemView> items, List<PrescreenFinding> findings, int reviewRound, int overrides,
                               @Nullable String overrideReason, @Nullable String reviewNote, @Nullable String returnReason,
                               @Nullable String reviewedBy, @Nullable Instant reviewedAt, @Nullable Instant dueAt,
                               UUID dispensingInstitutionId, String dispensingInstitutionName, boolean centralDistribution,
                               boolean siteConfirmedByPatient, @Nullable String dispenseReason, @Nullable String dispenseNote,
                               @Nullable String dispensedBy, @Nullable Instant dispensedAt, Instant submittedAt, long version,
                               List<PrescriptionAction> allowedActions, @Nullable UUID referralId) {

    /** {@code weeksSupply} is the supply in weeks when {@code daysSupply} is a whole number of weeks, else null. */
    public record ItemView(int line, String drugCode, String drugName, String strength, BigDecimal dose, String doseUnit,
                           String route, String frequency, int daysSupply, @Nullable BigDecimal quantity,
                           @Nullable Integer weeksSupply) {

        public ItemView(int line, String drugCode, String drugName, String strength, BigDecimal dose, String doseUnit,
                        String route, String frequency, int daysSupply, @Nullable BigDecimal quantity) {
            this(line, drugCode, drugName, strength, dose, doseUnit, route, frequency, daysSupply, quantity,
                    daysSupply % 7 == 0 ? daysSupply / 7 : null);
        }
    }
}
