package org.medunion.referral;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A new referral. {@code submit=true} submits it at once; otherwise it stays a draft.
 * Either {@code toInstitutionId} or {@code toDesk} (with a consortium) names the receiving side.
 */
public record CreateReferral(@Nullable ReferralDirection direction, @Nullable UUID fromInstitutionId, @Nullable UUID fromPractitionerId,
                             @Nullable UUID toInstitutionId, @Nullable String toDepartment, Boolean toDesk, UUID residentId,
                             @Nullable String residentIdNumber, @Nullable String residentName, @Nullable UUID consortiumId,
                             @Nullable UUID contractId,
                             @Nullable String reason, @Nullable String diagnosisCode, @Nullable String diagnosisText,
                             @Nullable Urgency urgency,
                             @Nullable String clinicalSummary, @Nullable List<UUID> criteriaMet, @Nullable String noCriteriaReason,
                             @Nullable DestinationType destinationType, @Nullable List<AttachmentInput> attachments,
                             @Nullable String carePlan,
                             @Nullable List<FollowUpInput> followUpTasks, @Nullable List<MedicationInput> medications, Boolean submit) {

    public record AttachmentInput(String kind, String title, String reference) {
    }

    public record FollowUpInput(String description, @Nullable LocalDate dueDate, @Nullable UUID assignedPractitionerId,
                                @Nullable UUID assignedTeamId) {
    }

    public record MedicationInput(String drug, @Nullable String dose, @Nullable String frequency, @Nullable Integer days,
                                  @Nullable String note) {
    }
}
