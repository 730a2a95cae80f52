package org.medunion.referral.internal;

import java.time.Instant;
import java.util.UUID;
import org.medunion.referral.BookingKind;
import org.medunion.referral.DestinationType;
import org.medunion.referral.ReferralDirection;
import org.medunion.referral.ReferralStatus;
import org.medunion.referral.RejectionReason;
import org.medunion.referral.Urgency;

/** One row of referral_referral. */
record ReferralRow(UUID id, String number, ReferralDirection direction, UUID fromInstitutionId, UUID fromPractitionerId,
                   String fromUsername, UUID toInstitutionId, String toDepartment, boolean toDesk, UUID residentId,
                   String residentIdNumber, String residentName, UUID consortiumId, UUID contractId, String reason,
                   String diagnosisCode, String diagnosisText, Urgency urgency, String clinicalSummary, String criteriaMet,
                   String noCriteriaReason, ReferralStatus status, Instant submittedAt, Instant acceptanceDeadline,
                   boolean escalated, Instant escalatedAt, BookingKind bookingKind, UUID bookingId, boolean priorityVisit,
                   boolean priorityExam, boolean priorityAdmission, DestinationType destinationType,
                   String routingFinding, RejectionReason rejectionReason, String rejectionText, long version,
                   Instant createdAt, Instant updatedAt) {
}
