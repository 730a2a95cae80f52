package org.medunion.consultation;

import java.time.Instant;
import java.util.UUID;

/** The opinion of a consultation was signed by the invited physician (TM-7). */
public record ConsultationOpinionSigned(UUID eventId, ConsultationId consultationId, String number, Instant occurredAt,
                                        UUID fromInstitutionId, UUID toInstitutionId, String signedBy)
        implements
            ConsultationEvent {
}
