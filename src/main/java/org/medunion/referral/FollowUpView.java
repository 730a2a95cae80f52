package org.medunion.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One follow-up task of a downward referral (随访任务) as the receiving family doctor's institution sees it:
 * due date, whether it is overdue, and — once done — who marked it done, when, with what note.
 * The resident ID number is masked unless the caller's role needs it (S-3).
 */
public record FollowUpView(UUID taskId, ReferralId referralId, String referralNumber, ReferralStatus referralStatus,
                           UUID fromInstitutionId, UUID toInstitutionId, UUID residentId, String residentName,
                           @Nullable String residentIdNumber, String description, LocalDate dueDate, boolean overdue,
                           boolean done, @Nullable Instant doneAt, String doneBy, String doneNote) {
}
