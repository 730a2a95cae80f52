package org.medunion.referral;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A new referral. {@code submit=true} submits it at once; otherwise it stays a draft.
 * Either {@code toInstitutionId} or {@code toDesk} (with a consortium) names the receiving side.
 */
public record CreateReferral(ReferralDirection direction, UUID fromInstitutionId, @Nullable UUID fromPractitionerId,
                             UUID toInstitutionId, @Nullable String toDepartment, Boolean toDesk, UUID residentId,
                             @Nullable String residentIdNumber, @Nullable String residentName, @Nullable UUID consortiumId,
                             @Nullable UUID contractId,
                             String reason, String diagnosisCode, String diagnosisText, Urgency urgency,
                             @Nullable String clinicalSummary, @Nullable List<UUID> criteriaMet, @Nullable String noCriteriaReason,
                             @Nullable DestinationType destinationType, @Nullable List<AttachmentInput> attachments,
                             @Nullable String carePlan,
                             @Nullable List<FollowUpInput> followUpTasks, @Nullable List<MedicationInput> medications, Boolean submit) {

    public record AttachmentInput(String kind, String title, String reference) {
    }

    public record FollowUpInput(String description, LocalDate dueDate, @Nullable UUID assignedPractitionerId, UUID assignedTeamId) {
    }

    public record MedicationInput(String drug, String dose, String frequency, Integer days, @Nullable String note) {
    }
}
