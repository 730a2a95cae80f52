package org.medunion.consultation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A consultation request from the inviting side (TM-3 content, TM-2 consent). {@code fromInstitutionId} defaults to
 * the caller's institution; either the invited institution or a named expert at it receives the request.
 *
 * @param conversionAuthorised the requester lets the expert turn the consultation into a referral (TM-16)
 * @param attachments          results of the resident attached by reference (decision 0254); documents are uploaded after
 */
public record RequestConsultation(@Nullable ConsultationType type, @Nullable ConsultationUrgency urgency,
                                  @Nullable UUID fromInstitutionId, @Nullable UUID fromPractitionerId,
                                  @Nullable UUID toInstitutionId, @Nullable String toDepartment,
                                  @Nullable UUID expertPractitionerId, @Nullable UUID residentId,
                                  @Nullable String reason, @Nullable String purpose, @Nullable Instant proposedTime,
                                  @Nullable String recordSummary, @Nullable String invitedSpecialty,
                                  @Nullable String invitedTitle, @Nullable ConsentSigner consentSigner,
                                  @Nullable String consentSignerName, @Nullable String consentReason,
                                  @Nullable LocalDate consentSignedOn, @Nullable Boolean conversionAuthorised,
                                  @Nullable List<ResultAttachment> attachments) {
}
