package org.medunion.consultation;

import java.time.Instant;
import java.util.UUID;

/** A consultation was closed after the inviting side acknowledged the signed opinion (TM-7). */
public record ConsultationClosed(UUID eventId, ConsultationId consultationId, String number, Instant occurredAt,
                                 UUID fromInstitutionId, UUID toInstitutionId)
        implements
            ConsultationEvent {
}
