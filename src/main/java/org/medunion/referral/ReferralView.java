package org.medunion.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A referral as its two sides, the desk and integrators see it. The resident ID number is masked
 * unless the caller's role needs it (S-3).
 *
 * @param toDesk          sent to the consortium's referral desk (转诊协调部门) rather than a named institution
 * @param criteriaMet     IDs of the referral criteria (转诊标准) the referrer says the case meets
 * @param routingFinding  SH-15 / CN-3 / CN-4 warning recorded when the destination is not the one the rules prefer
 * @param overdue         submitted and past its acceptance deadline
 * @param bookingKind     what was booked on acceptance; null before acceptance and for downward referrals accepted
 *                        without a booking (home-based care, outpatient follow-up without a slot)
 * @param homeCare        for accepted home-based care: the responsible team or practitioner and the start date
 */
public record ReferralView(ReferralId id, String number, ReferralDirection direction, @Nullable UUID fromInstitutionId,
                           @Nullable UUID fromPractitionerId, String fromUsername, @Nullable UUID toInstitutionId,
                           @Nullable String toDepartment,
                           boolean toDesk, UUID residentId, @Nullable String residentIdNumber, @Nullable String residentName,
                           @Nullable UUID consortiumId, @Nullable UUID contractId, String reason, String diagnosisCode,
                           String diagnosisText,
                           Urgency urgency, @Nullable String clinicalSummary, List<UUID> criteriaMet, @Nullable String noCriteriaReason,
                           ReferralStatus status, @Nullable Instant submittedAt, @Nullable Instant acceptanceDeadline, boolean escalated,
                           boolean overdue, @Nullable BookingKind bookingKind, @Nullable UUID bookingId, Priority priority,
                           @Nullable DestinationType destinationType, @Nullable String routingFinding,
                           @Nullable RejectionReason rejectionReason,
                           @Nullable String rejectionText, List<Attachment> attachments, @Nullable CarePlan carePlan,
                           @Nullable Feedback feedback,
                           @Nullable HomeCare homeCare, long version, Instant createdAt, Instant updatedAt) {

    /**
     * RX-16: a downward referral its receiving institution has taken on (accepted, arrived, completed) with a medication
     * list — the regimen that institution may renew as an extended prescription.
     */
    public boolean renewableMedicationList() {
        return direction == ReferralDirection.DOWN && carePlan != null && !carePlan.medications().isEmpty()
                && (status == ReferralStatus.ACCEPTED || status == ReferralStatus.ARRIVED || status == ReferralStatus.COMPLETED);
    }

    /** 优先就诊 / 优先检查 / 优先住院 for contracted residents referred from primary care (SH-15, CQ-6). */
    public record Priority(boolean visit, boolean exam, boolean admission) {

        public boolean any() {
            return visit || exam || admission;
        }
    }

    public record Attachment(UUID id, String kind, String title, String reference) {
    }

    /** Downward referral: care plan, the family doctor's follow-up tasks, the extended prescription (延伸处方). */
    public record CarePlan(@Nullable String plan, List<FollowUpTask> tasks, List<Medication> medications) {
    }

    public record FollowUpTask(UUID id, String description, LocalDate dueDate, UUID assignedPractitionerId,
                               UUID assignedTeamId, boolean done) {
    }

    public record Medication(String drug, String dose, String frequency, Integer days, String note) {
    }

    /**
     * A downward home-care referral (FAMILY_BED, HOSPICE_HOME) as accepted: the receiving institution's responsible
     * family-doctor team and/or practitioner and the planned start; nothing is booked (decision 0004).
     */
    public record HomeCare(UUID teamId, UUID practitionerId, LocalDate plannedStart) {
    }

    /** The closed loop: the receiving side's visit or discharge summary returned to the referrer (I-3). */
    public record Feedback(String summary, String returnedBy, @Nullable Instant returnedAt) {
    }
}
