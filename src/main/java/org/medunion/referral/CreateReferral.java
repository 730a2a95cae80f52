package org.medunion.referral;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A new referral. {@code submit=true} submits it at once; otherwise it stays a draft.
 * Either {@code toInstitutionId} or {@code toDesk} (with a consortium) names the receiving side.
 */
public record CreateReferral(ReferralDirection direction, UUID fromInstitutionId, UUID fromPractitionerId,
                             UUID toInstitutionId, String toDepartment, Boolean toDesk, UUID residentId,
                             String residentIdNumber, String residentName, UUID consortiumId, UUID contractId,
                             String reason, String diagnosisCode, String diagnosisText, Urgency urgency,
                             String clinicalSummary, List<UUID> criteriaMet, String noCriteriaReason,
                             DestinationType destinationType, List<AttachmentInput> attachments, String carePlan,
                             List<FollowUpInput> followUpTasks, List<MedicationInput> medications, Boolean submit) {

    public record AttachmentInput(String kind, String title, String reference) {
    }

    public record FollowUpInput(String description, LocalDate dueDate, UUID assignedPractitionerId, UUID assignedTeamId) {
    }

    public record MedicationInput(String drug, String dose, String frequency, Integer days, String note) {
    }
}
