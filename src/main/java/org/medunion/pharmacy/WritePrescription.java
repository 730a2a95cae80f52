package org.medunion.pharmacy;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A new prescription (or the fixed one on resubmission). Written and submitted to review at once (RX-8).
 *
 * @param chronic                 chronic-disease prescription; days beyond RX-1 need it and a {@code reason}
 * @param reason                  why the quantity exceeds RX-1's days (处方管理办法 §19 "医师应当注明理由")
 * @param assessmentNote          RX-6: the physician's assessment for a long prescription over 4 weeks
 * @param patientConfirmed        RX-6: the patient confirmed (signed) the long prescription over 4 weeks
 * @param validityDays            RX-2: days the prescription stays valid (null = the day issued)
 * @param dispensingInstitutionId RX-15: the member the patient chose to collect at (null = the prescribing member)
 * @param centralDistribution     RX-15: delivered by central distribution from the dispensing member
 * @param siteConfirmedByPatient  the patient confirmed the dispensing site (required when it is not the prescriber's)
 * @param guardianName            RX-13: online prescriptions for children under 6
 * @param referralId              RX-16: the downward referral, received by the prescriber's institution, whose medication
 *                                list this extended prescription renews (null for an ordinary prescription)
 */
public record WritePrescription(@Nullable UUID residentId, @Nullable EncounterType encounterType, @Nullable String diagnosisCode,
                                @Nullable String diagnosisText, @Nullable Boolean chronic, @Nullable Boolean urgent,
                                @Nullable String reason, @Nullable String assessmentNote, @Nullable Boolean patientConfirmed,
                                @Nullable Integer validityDays, @Nullable Boolean pregnant, @Nullable List<String> allergies,
                                @Nullable UUID dispensingInstitutionId, @Nullable Boolean centralDistribution,
                                @Nullable Boolean siteConfirmedByPatient, @Nullable String guardianName,
                                @Nullable List<Item> items, @Nullable UUID referralId) {

    /** An ordinary prescription (no referral behind it). */
    @SuppressWarnings("checkstyle:ParameterNumber") // the record's components but one
    public WritePrescription(@Nullable UUID residentId, @Nullable EncounterType encounterType, @Nullable String diagnosisCode,
                             @Nullable String diagnosisText, @Nullable Boolean chronic, @Nullable Boolean urgent,
                             @Nullable String reason, @Nullable String assessmentNote, @Nullable Boolean patientConfirmed,
                             @Nullable Integer validityDays, @Nullable Boolean pregnant, @Nullable List<String> allergies,
                             @Nullable UUID dispensingInstitutionId, @Nullable Boolean centralDistribution,
                             @Nullable Boolean siteConfirmedByPatient, @Nullable String guardianName, @Nullable List<Item> items) {
        this(residentId, encounterType, diagnosisCode, diagnosisText, chronic, urgent, reason, assessmentNote, patientConfirmed,
                validityDays, pregnant, allergies, dispensingInstitutionId, centralDistribution, siteConfirmedByPatient, guardianName,
                items, null);
    }

    /**
     * One line: {@code dose} per administration in the drug's dose unit, {@code frequency} a code (QD, BID, TID, QID,
     * QN, Q8H, Q12H, QW, ONCE, PRN), {@code daysSupply} the days this line covers, or {@code weeksSupply} the weeks
     * (a 12-week long prescription is entered as 12 weeks and stored as 84 days; when both are given they must agree).
     */
    public record Item(@Nullable String drugCode, @Nullable BigDecimal dose, @Nullable String doseUnit, @Nullable String route,
                       @Nullable String frequency, @Nullable Integer daysSupply, @Nullable BigDecimal quantity,
                       @Nullable Integer weeksSupply) {

        /** A line with its supply in days (no weeks). */
        public Item(@Nullable String drugCode, @Nullable BigDecimal dose, @Nullable String doseUnit, @Nullable String route,
                    @Nullable String frequency, @Nullable Integer daysSupply, @Nullable BigDecimal quantity) {
            this(drugCode, dose, doseUnit, route, frequency, daysSupply, quantity, null);
        }
    }
}
