package org.medunion.consultation;

import java.time.Instant;
import java.util.UUID;

/** A consultation was accepted by the invited side (TM-5 checked). */
public record ConsultationAccepted(UUID eventId, ConsultationId consultationId, String number, Instant occurredAt,
                                   UUID fromInstitutionId, UUID toInstitutionId, UUID expertPractitionerId)
        implements
            ConsultationEvent {
}
