package org.medunion.consultation;

import java.time.Instant;
import java.util.UUID;

/** A consultation was declined with a reason (TM-4). */
public record ConsultationDeclined(UUID eventId, ConsultationId consultationId, String number, Instant occurredAt,
                                   UUID fromInstitutionId, UUID toInstitutionId, String reason)
        implements
            ConsultationEvent {
}
