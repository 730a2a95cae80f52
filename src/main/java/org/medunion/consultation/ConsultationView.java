package org.medunion.consultation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A consultation as the caller sees it (the two sides and their consortium office only); {@code attachments} are the
 * request's (decision 0254), read with one consultation and null in lists; {@code panel} the booked expert slot, the
 * further MDT experts and the held live sessions (decision 0255).
 */
public record ConsultationView(UUID id, String number, ConsultationType type, ConsultationUrgency urgency,
                               ConsultationStatus status, UUID fromInstitutionId, @Nullable String fromInstitutionName,
                               @Nullable UUID fromPractitionerId, String requestedBy, UUID toInstitutionId,
                               @Nullable String toInstitutionName, @Nullable String toDepartment,
                               @Nullable UUID expertPractitionerId, @Nullable UUID consortiumId, UUID residentId,
                               @Nullable String residentName, Request request, Consent consent,
                               boolean conversionAuthorised, Deadline deadline, @Nullable Instant sessionAt,
                               @Nullable String declineReason, @Nullable Opinion opinion,
                               @Nullable String acknowledgedBy, @Nullable Instant acknowledgedAt,
                               @Nullable UUID referralId, long version, Instant createdAt, Instant updatedAt,
                               @Nullable Charge charge, @Nullable Retention retention,
                               List<RoutingWarning> routingWarnings, @Nullable List<AttachmentView> attachments,
                               ConsultationPanel panel) {

    /** The TM-3 content. */
    public record Request(String reason, String purpose, Instant proposedTime, String recordSummary,
                          String invitedSpecialty, String invitedTitle) {
    }

    /** The TM-2 consent as recorded by the inviting side. */
    public record Consent(ConsentSigner signer, @Nullable String signerName, @Nullable String reason,
                          LocalDate signedOn) {
    }

    /** TM-4: decide by {@code decideBy}; escalated to the office after it, expired at {@code expiresAt}. */
    public record Deadline(Instant decideBy, Instant expiresAt, boolean escalated, @Nullable Instant escalatedAt) {

        public boolean overdue(Instant now) {
            return escalated || now.isAfter(decideBy);
        }
    }

    /** The opinion: drafted, then signed by the invited physician (TM-7), filed on both sides. */
    public record Opinion(String text, String draftedBy, @Nullable String signedBy, @Nullable Instant signedAt) {

        public boolean signed() {
            return signedAt != null;
        }
    }

    /** TM-13: the price item recorded once when the consultation closed under a fee-bearing agreement. */
    public record Charge(UUID agreementId, BigDecimal amount, String currency, FeePayer payer, LocalDate chargedOn,
                         Instant recordedAt) {
    }

    /**
     * TM-9: fixed from rule pack TM when the consultation ended — the record is kept until {@code retainUntil}, the
     * conversation (process records) until {@code processRetainUntil}.
     */
    public record Retention(RetentionClass retentionClass, LocalDate retainUntil, LocalDate processRetainUntil) {
    }
}
